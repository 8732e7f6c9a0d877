import { jobHandler } from '../../../../platform/job';
import { escalateDueAlerts } from '../../escalation';

/** Every minute: emergency calls nobody answered go up a level. */
export const handler = jobHandler('escalating emergency calls', escalateDueAlerts);
