import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business and health figures as CloudWatch metrics (embedded metric format, written with the logs: no
 * call to CloudWatch on the request path). The alarms of the stack watch these. Off locally and in tests
 * (`POWERTOOLS_METRICS_DISABLED=true`).
 */
export const metrics = new Metrics({ namespace: 'Yilin', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'yilin' });

export type Figure =
  | 'OrderPlaced'
  | 'ServerError'
  | 'ConsumerFailure'
  | 'JobFailure'
  | 'StandingOrderFailed'
  // Notifications: kept in the app only, sent on WeChat, refused by WeChat (no acceptance left), failed
  | 'MessageKept'
  | 'MessageSent'
  | 'MessageRefused'
  | 'MessageFailed'
  | 'AlertEscalated'
  | 'AlertUnreached';

let counted = false;

export function count(figure: Figure, value = 1): void {
  metrics.addMetric(figure, MetricUnit.Count, value);
  counted = true;
}

/** Writes what was counted, if anything; called at the end of every invocation. */
export function publish(): void {
  if (!counted) return;
  counted = false;
  metrics.publishStoredMetrics();
}
