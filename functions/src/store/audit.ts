import { Entity, type EntityItem } from 'electrodb';
import { monotonicFactory, ulid } from 'ulid';
import { client, gsi1, primary, reach, service, table } from './keys';
import type { Part } from './transactions';

/**
 * The audit trail: every change a person makes to someone else's data (a worker, staff member or
 * admin) is an event with who, when, what, and each field before and after, written in the same
 * transaction as the change, so there is no change without its event. Events are read per subject
 * (an elder's verification history, later an order's or a visit's timeline) and per person concerned
 * (everything done to one elder's records, for their copy of their data).
 */
/** Each field an event changed, before and after: values as text, absent when the field had none. */
export const fieldChanges = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: {
      field: { type: 'string', required: true },
      before: { type: 'string' },
      after: { type: 'string' },
    },
  },
} as const;

export const AuditEvent = new Entity(
  {
    model: { entity: 'auditEvent', version: '1', service },
    attributes: {
      /** What was changed, e.g. `elder#<id>`. */
      subject: { type: 'string', required: true },
      /** A ULID: events of a subject sort by time. */
      eventId: { type: 'string', required: true },
      /** Whose records these are: the elder's id, or the centre's for a centre's own things. */
      concerns: { type: 'string', required: true },
      /** What was done, e.g. `elder.verify`. */
      action: { type: 'string', required: true },
      actorId: { type: 'string', required: true },
      actorName: { type: 'string', required: true },
      actorRole: { type: 'string', required: true },
      at: { type: 'string', required: true },
      changes: fieldChanges,
    },
    indexes: {
      bySubject: primary(['subject'], ['eventId']),
      byConcern: gsi1(['concerns'], ['eventId']),
    },
  },
  { table, client },
);

export type AuditEventItem = EntityItem<typeof AuditEvent>;

export interface Actor {
  userId: string;
  name: string;
  role: string;
}

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface AuditRecord {
  subject: string;
  concerns: string;
  action: string;
  by: Actor;
  at: string;
  changes: FieldChange[];
  /** Chosen beforehand ({@link newEventId}) when the change refers to its own event, e.g. an undoable mark. */
  eventId?: string;
}

export const subjectOf = (kind: string, id: string) => `${kind}#${id}`;

/** Event ids sort by time, and in the order written when two fall in the same millisecond. */
const nextEventId = monotonicFactory();

/** An event id for a change written at `at`, for a caller that needs it before the event is written. */
export const newEventId = (at: string) => nextEventId(Date.parse(at));

const eventItem = (record: AuditRecord) => ({
  subject: record.subject,
  eventId: record.eventId ?? newEventId(record.at),
  concerns: record.concerns,
  action: record.action,
  actorId: record.by.userId,
  actorName: record.by.name,
  actorRole: record.by.role,
  at: record.at,
  changes: record.changes,
});

/** The part that writes the event, to go in the same transaction as the change it describes. */
export const recordAudit = (record: AuditRecord): Part => ({ AuditEvent: events }) => events.create(eventItem(record)).commit();

/** An event of its own, for what changes nothing else: someone read an elder's health record. */
export async function writeAudit(record: AuditRecord): Promise<void> {
  await AuditEvent.create(eventItem(record)).go();
}

/** Events concerning one person (or centre) from a moment on, oldest first: one query. */
export async function auditConcerning(concerns: string, since: string) {
  const { data: events } = await AuditEvent.query
    .byConcern({ concerns })
    .gte({ eventId: ulid(Date.parse(since)).slice(0, 10) })
    .go({ pages: 'all' });
  return events;
}

/** A subject's events, newest first. */
export async function auditOf(subject: string, options: { action?: string; limit?: number | 'all' } = {}) {
  const { data: events } = await AuditEvent.query
    .bySubject({ subject })
    .where((attr, op) => (options.action ? op.eq(attr.action, options.action) : ''))
    .go({ order: 'desc', consistent: true, ...reach(options.limit ?? 50) });
  return events;
}
