import { jobHandler } from '../../../../platform/job';
import { applyRetention } from '../../elder-closing';

/** Nightly: elders who left the register longer ago than the retention period lose their contact details. */
export const handler = jobHandler('applying the retention rule', applyRetention);
