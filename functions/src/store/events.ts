import { Entity } from 'electrodb';
import { client, primary, service, table } from './keys';
import type { Part } from './transactions';

/**
 * What the event consumers keep in the table. A consumer reacts to a change of the table (its stream)
 * exactly once in effect: its write carries a marker for the stream record it handles, created in the
 * same transaction, so a record delivered again (a retry, a replay) changes nothing. A record a consumer
 * still fails after its retries is a dead letter, kept with the reason.
 */
export const HandledEvent = new Entity(
  {
    model: { entity: 'handledEvent', version: '1', service },
    attributes: {
      consumer: { type: 'string', required: true },
      /** The stream record's id (its event id, unique per change). */
      eventId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** A replay older than a stream's 24 hours cannot happen: the marker goes after a week. */
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byEvent: primary(['consumer', 'eventId']) },
  },
  { table, client },
);

const MARKER_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The part that marks a stream record as handled by a consumer; it fails if it already was. */
export const markHandled = (consumer: string, eventId: string, at: Date): Part => ({ HandledEvent: handled }) =>
  handled.create({ consumer, eventId, at: at.toISOString(), expiresAt: Math.floor(at.getTime() / 1000) + MARKER_TTL_SECONDS }).commit();

/** Locally, records a consumer keeps failing on; in the cloud they go to the consumer's dead-letter queue. */
export const DeadLetter = new Entity(
  {
    model: { entity: 'deadLetter', version: '1', service },
    attributes: {
      consumer: { type: 'string', required: true },
      eventId: { type: 'string', required: true },
      reason: { type: 'string', required: true },
      attempts: { type: 'number', required: true },
      /** The stream record, as JSON. */
      record: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Epoch seconds: the table's TTL attribute (a record may name people; it is looked into within days). */
      expiresAt: { type: 'number' },
    },
    indexes: { byConsumer: primary(['consumer'], ['eventId']) },
  },
  { table, client },
);

/** How long a dead letter is kept: long enough to look into it and send it again, not longer. */
export const DEAD_LETTER_TTL_SECONDS = 30 * 24 * 60 * 60;
export const deadLetterExpiry = (at: string) => Math.floor(Date.parse(at) / 1000) + DEAD_LETTER_TTL_SECONDS;

export async function deadLettersOf(consumer: string) {
  const { data: letters } = await DeadLetter.query.byConsumer({ consumer }).go({ pages: 'all' });
  return letters;
}
