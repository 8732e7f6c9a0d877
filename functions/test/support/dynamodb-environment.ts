import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../local/dynamodb';

/**
 * The test environment of the integration and reliability suites. A file whose docblock carries
 * `@dynamodb-streams` runs the stream consumers, so its table needs a change stream: it gets a DynamoDB Local
 * of its own, started before the file and stopped after it. Every other file's table, without a stream, lives
 * in the run's shared DynamoDB Local (global-setup.ts).
 *
 * Why not one emulator for all: DynamoDB Local keeps working on the stream of every table that ever had one,
 * deleted or not, so each stream table made the next files slower (writes took twice as long after seven, and a
 * whole run four times as long as its files alone).
 */
export const STREAMS_PRAGMA = 'dynamodb-streams';

export default class DynamoDbEnvironment extends NodeEnvironment {
  private readonly wantsStreams: boolean;
  private ownEmulator: DynamoDbLocal | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.wantsStreams = STREAMS_PRAGMA in context.docblockPragmas;
  }

  override async setup(): Promise<void> {
    await super.setup();
    if (!this.wantsStreams) return;
    this.ownEmulator = await startDynamoDbLocal();
    // The file's own copy of the environment: fresh-table.ts reads these before the data layer is imported.
    Object.assign(this.global.process.env, { YILIN_TEST_DYNAMODB_ENDPOINT: this.ownEmulator.endpoint, YILIN_TEST_STREAMS: 'true' });
  }

  override async teardown(): Promise<void> {
    await this.ownEmulator?.stop();
    await super.teardown();
  }
}
