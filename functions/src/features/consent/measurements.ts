import { conflict } from '../../platform/errors';
import { getHealthConsent } from './data';
import { measurementsRefused } from './rules';

/**
 * What a visit's record asks of the health-data consent: readings are kept only while the elder's consent
 * stands, checked before the record is written and again inside its transaction (`healthConsentStands` of data.ts), so a
 * withdrawal at the same moment is never overtaken.
 */

export const healthConsentMissing = () =>
  conflict('HEALTH_CONSENT_MISSING', '长辈还没有同意记录健康数据，本次测量不会保存；请只记录服务内容。', { field: 'measurements' });

export async function assertMayKeepMeasurements(elderId: string, measured: boolean): Promise<void> {
  if (!measured) return;
  if (measurementsRefused(measured, await getHealthConsent(elderId))) throw healthConsentMissing();
}
