import { Entity, type EntityItem } from 'electrodb';
import { client, primary, service, table } from '../../store/keys';

/**
 * Consent in the table.
 *
 * Access patterns:
 *  - whether a person accepted a version of the privacy notice, and when (primary: one item per version, so
 *    every version a person accepted stays on record)
 *  - an elder's health-data consent as it stands (primary); its history is the audit trail of `healthConsent#<elder>`
 */

export const PrivacyAcceptance = new Entity(
  {
    model: { entity: 'privacyAcceptance', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      /** The version of the privacy notice and user agreement accepted. */
      version: { type: 'string', required: true },
      acceptedAt: { type: 'string', required: true },
    },
    indexes: { byUser: primary(['userId'], ['version']) },
  },
  { table, client },
);
export type PrivacyAcceptanceItem = EntityItem<typeof PrivacyAcceptance>;

export const HealthConsent = new Entity(
  {
    model: { entity: 'healthConsent', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      given: { type: 'boolean', required: true },
      changedAt: { type: 'string', required: true },
      changedById: { type: 'string', required: true },
      /** 本人 is the elder's own name; a relative as the audit trail names them: 王磊（儿子）. */
      changedByName: { type: 'string', required: true },
      changedByRole: { type: 'string', required: true },
    },
    indexes: { byElder: primary(['elderId']) },
  },
  { table, client },
);
export type HealthConsentItem = EntityItem<typeof HealthConsent>;
