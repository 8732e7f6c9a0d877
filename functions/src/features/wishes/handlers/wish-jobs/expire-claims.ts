import { jobHandler } from '../../../../platform/job';
import { returnExpiredClaims } from '../../expiry';

/** Hourly: claims past their deadline go back to the wall. */
export const handler = jobHandler('returning expired claims to the wall', returnExpiredClaims);
