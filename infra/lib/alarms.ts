import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationsAlarmsProps {
  readonly api: apigw.HttpApi;
  readonly table: dynamodb.ITable;
  /** The event consumers' dead-letter queue. */
  readonly deadLetters: sqs.IQueue;
  /** The scheduled jobs' functions. */
  readonly jobs: readonly lambda.IFunction[];
}

/** The figures the functions publish (platform/metrics.ts), under Powertools' `service` dimension. */
const figure = (name: string) =>
  new cloudwatch.Metric({ namespace: 'Yilin', metricName: name, dimensionsMap: { service: 'yilin' }, statistic: 'Sum', period: Duration.minutes(5) });

/**
 * What wakes someone up: the API answering 5xx to more than 1% of requests, the table throttling, a
 * record in the event consumers' dead-letter queue, a scheduled job failing (or standing orders it
 * could not place). Every alarm notifies one topic; subscribe the duty phone or mailbox to it.
 */
export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Yilin alarms',
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    const notify = new actions.SnsAction(this.topic);
    const alarm = (name: string, options: Omit<cloudwatch.AlarmProps, 'treatMissingData'>) => {
      const created = new cloudwatch.Alarm(this, name, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...options });
      created.addAlarmAction(notify);
      return created;
    };

    const requests = props.api.metricCount({ period: Duration.minutes(5) });
    const serverErrors = props.api.metricServerError({ period: Duration.minutes(5) });
    alarm('ServerErrorRate', {
      alarmDescription: 'More than 1% of API requests answered 5xx in 5 minutes',
      metric: new cloudwatch.MathExpression({ expression: 'IF(requests >= 20, 100 * errors / requests, 0)', usingMetrics: { requests, errors: serverErrors }, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    alarm('TableThrottles', {
      alarmDescription: 'The table throttled requests',
      metric: props.table.metricThrottledRequestsForOperations({
        operations: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchGetItem', 'BatchWriteItem'] as dynamodb.Operation[],
        period: Duration.minutes(5),
      }),
      threshold: 10,
      evaluationPeriods: 1,
    });
    alarm('DeadLetters', {
      alarmDescription: 'An event consumer gave up on a change of the table',
      metric: props.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('JobFailed', {
      alarmDescription: 'A scheduled job failed, or standing orders could not be placed',
      metric: new cloudwatch.MathExpression({
        expression: ['failed', 'notPlaced', ...props.jobs.map((_, index) => `errors${index}`)].join(' + '),
        usingMetrics: {
          failed: figure('JobFailure'),
          notPlaced: figure('StandingOrderFailed'),
          ...Object.fromEntries(props.jobs.map((job, index) => [`errors${index}`, job.metricErrors({ period: Duration.minutes(5) })])),
        },
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    // An emergency call nobody answered in time (it went up a level), or one that reached a county with no
    // admin to tell: someone on duty should know at once.
    alarm('EmergencyUnanswered', {
      alarmDescription: 'An emergency call went unanswered and was escalated, or reached nobody at the county',
      metric: new cloudwatch.MathExpression({
        expression: 'escalated + unreached',
        usingMetrics: { escalated: figure('AlertEscalated'), unreached: figure('AlertUnreached') },
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    // WeChat not taking messages (down, a template removed, the AppSecret changed): the in-app copies stay, but
    // people far away are not hearing.
    alarm('NotificationsFailing', {
      alarmDescription: 'WeChat refused to take subscribe messages (5 or more failed in 5 minutes)',
      metric: figure('MessageFailed'),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }
}
