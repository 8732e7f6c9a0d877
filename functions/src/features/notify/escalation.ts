import { clock, isoNow } from '../../platform/clock';
import { config } from '../../platform/config';
import { logger } from '../../platform/logger';
import { count } from '../../platform/metrics';
import { dropDue, dueAlerts, escalateAlert, getAlert } from './alert-store';
import { escalationTime, nextLevel } from './rules/alert';

/**
 * The scheduled job: every call nobody answered within the time set (`ALERT_ESCALATION_MINUTES`, default 5)
 * goes up a level, to the centre's workers and then to the county's admins, who are told by the notifications
 * consumer. Safe to run twice or alongside a worker answering: each step is conditional on the level it read.
 */
export async function escalateDueAlerts(): Promise<{ escalated: number }> {
  const now = clock.now();
  let escalated = 0;
  for (const due of await dueAlerts(now.toISOString())) {
    const alert = await getAlert(due.alertId);
    const to = alert?.status === 'open' && alert.escalatesAt === due.escalatesAt ? nextLevel(alert.level) : undefined;
    if (!alert || !to) {
      await dropDue(due.alertId, due.escalatesAt);
      continue;
    }
    const then = nextLevel(to) ? escalationTime(now, config.alertEscalationMinutes) : undefined;
    const outcome = await escalateAlert(alert, to, then, isoNow());
    if (outcome.written) {
      escalated += 1;
      count('AlertEscalated');
      logger.warn('emergency call escalated', { alertId: alert.alertId, to });
    }
  }
  return { escalated };
}
