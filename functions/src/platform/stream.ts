import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger';
import { count, publish } from './metrics';

/**
 * The one chain of every event consumer: a change of the table (a stream record) becomes a plain
 * {@link Change} of one item, before and after, and is handed to the consumer in order. A record the
 * consumer fails on is reported as a batch-item failure, so only it and what follows it are delivered
 * again (in the cloud: bounded retries, then the dead-letter queue; locally: the same, see
 * local/stream-runner.ts). A consumer is idempotent: a record delivered twice changes nothing.
 */
export interface Change {
  /** Unique per change: the key a consumer marks as handled. */
  eventId: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The ElectroDB entity of the item, e.g. `order`. */
  entity?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** When the change was made, to the second. */
  at: Date;
}

const image = (value: unknown) => (value ? unmarshall(value as Record<string, AttributeValue>) : undefined);

export function changeOf(record: DynamoDBRecord): Change {
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  return {
    eventId: record.eventID ?? record.dynamodb?.SequenceNumber ?? '',
    kind: (record.eventName ?? 'MODIFY') as Change['kind'],
    entity: (after?.__edb_e__ ?? before?.__edb_e__) as string | undefined,
    before,
    after,
    at: new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000),
  };
}

/** Lambda reads `batchItemFailures` and ignores the rest; the local runner keeps `reason` with a dead letter. */
export type ConsumerResponse = DynamoDBBatchResponse & { reason?: string };

export function streamConsumer(name: string, handle: (change: Change) => Promise<void>) {
  return async (event: DynamoDBStreamEvent): Promise<ConsumerResponse> => {
    for (const record of event.Records) {
      const change = changeOf(record);
      try {
        await handle(change);
      } catch (error) {
        // The reason stays in the log under the record's sequence number, which the dead letter names.
        count('ConsumerFailure');
        publish();
        logger.error('event consumer failed', { consumer: name, eventId: change.eventId, sequenceNumber: record.dynamodb?.SequenceNumber, error: error as Error });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? change.eventId }], reason: (error as Error).message };
      }
    }
    publish();
    return { batchItemFailures: [] };
  };
}
