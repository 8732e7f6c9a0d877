import { Entity, type EntityItem } from 'electrodb';
import { client, primary, service, table } from '../../store/keys';
import { fieldChanges } from '../../store/audit';

/**
 * The audit trail as it is searched: each audit event copied into the trails it belongs to, one partition
 * each, sorted by the event's id (a ULID, so by time). A community's trail (`community#<id>`), a county's
 * (`county#<id>`) and a person's (`actor#<userId>`, everything they did): a page of any of them is one Query,
 * whatever the size of the county. Written only by the audit-indexed consumer, from the event; each copy
 * carries what an entry shows, so a page needs no other read.
 */
export const AuditTrailEntry = new Entity(
  {
    model: { entity: 'auditTrailEntry', version: '1', service },
    attributes: {
      /** `community#<id>`, `county#<id>` or `actor#<userId>`. */
      trail: { type: 'string', required: true },
      eventId: { type: 'string', required: true },
      subject: { type: 'string', required: true },
      action: { type: 'string', required: true },
      actorId: { type: 'string', required: true },
      actorName: { type: 'string', required: true },
      actorRole: { type: 'string', required: true },
      at: { type: 'string', required: true },
      concerns: { type: 'string', required: true },
      /** The elder's name where the event concerns an elder; otherwise the person's or place's, or empty. */
      concernsName: { type: 'string', required: true },
      /** Where the concerned person or thing belonged when the event was indexed. */
      communityId: { type: 'string' },
      centreId: { type: 'string' },
      countyId: { type: 'string' },
      changes: fieldChanges,
    },
    indexes: { byTrail: primary(['trail'], ['eventId']) },
  },
  { table, client },
);

export type AuditTrailEntryItem = EntityItem<typeof AuditTrailEntry>;

export const communityTrail = (communityId: string) => `community#${communityId}`;
export const countyTrail = (countyId: string) => `county#${countyId}`;
export const actorTrail = (userId: string) => `actor#${userId}`;
