import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { ConsumerResponse } from '../platform/stream';
import { config } from '../platform/config';
import { consumers as declaredConsumers, handlerModule } from '../routes';
import { isoNow } from '../platform/clock';
import { logger } from '../platform/logger';
import { dynamoClient } from '../store/client';
import { DeadLetter, deadLetterExpiry } from '../store/events';

/**
 * Runs event consumers on DynamoDB Local's change stream, as Lambda's event-source mapping runs them in
 * the cloud: each record of the entities a consumer asked for is delivered in order; a record the
 * consumer reports as failed is delivered again, up to `attempts` times, then kept as a dead letter with
 * the reason. Used by `npm start` and by the tests.
 */
export interface LocalConsumer {
  name: string;
  entities: readonly string[];
  handler: (event: DynamoDBStreamEvent) => Promise<ConsumerResponse | void>;
}

export interface StreamRunner {
  /** Resolves once every record written so far has been delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface StreamRunnerOptions {
  pollMs?: number;
  /** Deliveries of one record before it becomes a dead letter. @default 3 */
  attempts?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rounds failing in a row after which idle() gives up with the last failure rather than waiting on. */
const maxFailedRounds = 10;

const entityOf = (record: StreamRecord) => {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  return image?.__edb_e__?.S;
};

export async function startStreamRunner(consumers: readonly LocalConsumer[], options: StreamRunnerOptions = {}): Promise<StreamRunner> {
  const pollMs = options.pollMs ?? 100;
  const attempts = options.attempts ?? 3;
  const streams = new DynamoDBStreamsClient({
    region: process.env.AWS_REGION ?? 'cn-north-1',
    endpoint: config.dynamoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { Table } = await dynamoClient.send(new DescribeTableCommand({ TableName: config.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${config.tableName} has no stream`);

  // Shards known so far, each with where to read next; new shards are read from their start.
  const iterators = new Map<string, string | undefined>();
  const iteratorAt = async (shardId: string, type: 'LATEST' | 'TRIM_HORIZON') =>
    (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }))).ShardIterator;
  async function discoverShards(initial: boolean) {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      // At start only what changes from now on; a shard that appears later is read whole.
      iterators.set(shard.ShardId, await iteratorAt(shard.ShardId, initial && open ? 'LATEST' : 'TRIM_HORIZON'));
    }
  }

  /**
   * Reads the next page of a shard. DynamoDB Local numbers the records of all its tables from one
   * counter, and an iterator taken on a shard that is still empty holds the counter's value of that
   * moment: once other tables have written (another test file's, when files run in parallel), this
   * table's first record has a higher number and DynamoDB Local refuses the iterator as pointing before
   * the shard's oldest record (TrimmedDataAccessException), on every read. The refusal means nothing we
   * have not read is older than the oldest record kept, so reading on from the shard's start (as Lambda
   * does past trimmed records) loses nothing and repeats nothing.
   */
  async function readShard(shardId: string, iterator: string) {
    try {
      return await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      const fromStart = await iteratorAt(shardId, 'TRIM_HORIZON');
      iterators.set(shardId, fromStart);
      if (!fromStart) return { Records: [], NextShardIterator: undefined };
      return streams.send(new GetRecordsCommand({ ShardIterator: fromStart }));
    }
  }

  async function deliver(consumer: LocalConsumer, record: StreamRecord) {
    const event = { Records: [asLambdaRecord(record, streamArn)] };
    let reason = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const answer = await consumer.handler(event);
        if (!answer || answer.batchItemFailures.length === 0) return;
        reason = answer.reason ?? 'the consumer reported the record as failed';
      } catch (error) {
        reason = (error as Error).message;
      }
      await pause(pollMs * attempt);
    }
    const failedAt = isoNow();
    await DeadLetter.put({
      consumer: consumer.name,
      eventId: record.eventID ?? record.dynamodb?.SequenceNumber ?? 'unknown',
      reason,
      attempts,
      record: JSON.stringify(record),
      at: failedAt,
      expiresAt: deadLetterExpiry(failedAt),
    }).go();
  }

  let running = true;
  let busy = false;
  let quietRounds = 0;
  // Rounds failed in a row, and why the last one failed: idle() reports a runner that keeps failing.
  let failedRounds = 0;
  let lastFailure: Error | undefined;
  await discoverShards(true);

  async function round(): Promise<number> {
    let delivered = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const page = await readShard(shardId, iterator);
      iterators.set(shardId, page.NextShardIterator);
      for (const record of page.Records ?? []) {
        delivered += 1;
        const entity = entityOf(record);
        for (const consumer of consumers) {
          if (entity && consumer.entities.includes(entity)) await deliver(consumer, record);
        }
      }
    }
    return delivered;
  }

  const loop = (async () => {
    let rounds = 0;
    while (running) {
      busy = true;
      try {
        if (++rounds % 20 === 0) await discoverShards(false);
        quietRounds = (await round()) === 0 ? quietRounds + 1 : 0;
        failedRounds = 0;
      } catch (error) {
        failedRounds += 1;
        lastFailure = error as Error;
        if (running) logger.error('stream runner round failed', error as Error);
      } finally {
        busy = false;
      }
      await pause(pollMs);
    }
  })();

  return {
    async idle() {
      quietRounds = 0;
      while (running && (busy || quietRounds < 2)) {
        if (failedRounds >= maxFailedRounds) throw new Error(`The stream runner failed ${failedRounds} rounds in a row: ${lastFailure?.message}`, { cause: lastFailure });
        await pause(pollMs / 2);
      }
    },
    async stop() {
      running = false;
      await loop;
      streams.destroy();
    },
  };
}

/** The route table's consumers, each with the handler module the cloud deploys. */
export function startLocalConsumers(options: StreamRunnerOptions = {}): Promise<StreamRunner> {
  const local = declaredConsumers.map((consumer) => ({
    name: consumer.handler,
    entities: consumer.entities,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- handlers load by name, as the API server's do
    handler: require(`../${handlerModule(consumer.handler)}`).handler as LocalConsumer['handler'],
  }));
  return startStreamRunner(local, options);
}

/**
 * A record as Lambda's event carries it: the SDK gives the change's time as a Date, Lambda as epoch
 * seconds, which is what the consumers read (platform/stream.ts).
 */
function asLambdaRecord(record: StreamRecord, streamArn: string | undefined): DynamoDBRecord {
  const time: unknown = record.dynamodb?.ApproximateCreationDateTime;
  const seconds = time instanceof Date ? Math.floor(time.getTime() / 1000) : time;
  return { ...record, eventSourceARN: streamArn, dynamodb: { ...record.dynamodb, ApproximateCreationDateTime: seconds } } as unknown as DynamoDBRecord;
}
