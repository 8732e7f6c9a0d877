import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { EventConsumers } from '../lib/consumers';
import { synth } from './synth';

/** The table's stream, the event consumers and their dead letters, the files bucket, and the alarms. */
const dev = synth();

describe('the change stream and its consumers', () => {
  test('the table keeps a stream of every change with the item before and after', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });

  // A stand-in consumer of the route table's shape, on a stack of its own, so the checks do not depend on which consumers the route table declares.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'ConsumerTest', { env: { region: 'cn-north-1', account: '123456789012' } });
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  });
  new EventConsumers(stack, 'Consumers', {
    consumers: [{ handler: 'canteen/standing-orders', description: 'a consumer for the test', entities: ['order', 'menu'] }],
    table,
    stage: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    logRetention: logs.RetentionDays.ONE_MONTH,
  });
  const template = Template.fromStack(stack);

  test('each consumer reads the stream with batch-item failures, bounded retries, a split on error and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  test('a consumer receives only the entities it asked for', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0];
    const patterns = mapping.Properties.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern));
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { __edb_e__: { S: ['order', 'menu'] } } } },
      { eventName: ['REMOVE'], dynamodb: { OldImage: { __edb_e__: { S: ['order', 'menu'] } } } },
    ]);
  });

  test('the dead-letter queue is encrypted and refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('the files bucket', () => {
  test('is private, encrypted and reachable only over TLS', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    dev.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('the alarms', () => {
  const alarms = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm'));
  const topic = Object.keys(dev.template.findResources('AWS::SNS::Topic'))[0];

  test('watch 5xx rate, table throttles, dead letters and failed jobs, each notifying the one topic', () => {
    const descriptions = alarms.map((alarm) => alarm.Properties.AlarmDescription as string);
    expect(descriptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/5xx/), expect.stringMatching(/throttled/), expect.stringMatching(/gave up/), expect.stringMatching(/job failed/)]),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });

  test('the failed-job alarm counts the jobs’ errors and the standing orders that could not be placed', () => {
    const job = alarms.find((alarm) => /job failed/.test(alarm.Properties.AlarmDescription));
    const names = job!.Properties.Metrics.flatMap((metric: { MetricStat?: { Metric: { MetricName: string } } }) => (metric.MetricStat ? [metric.MetricStat.Metric.MetricName] : []));
    expect(names).toEqual(expect.arrayContaining(['JobFailure', 'StandingOrderFailed', 'Errors']));
  });

  test('an emergency call unanswered or reaching nobody, and WeChat refusing messages, each raise an alarm', () => {
    const metricNames = (description: RegExp) => {
      const found = alarms.find((alarm) => description.test(alarm.Properties.AlarmDescription));
      return found!.Properties.Metrics
        ? found!.Properties.Metrics.flatMap((metric: { MetricStat?: { Metric: { MetricName: string } } }) => (metric.MetricStat ? [metric.MetricStat.Metric.MetricName] : []))
        : [found!.Properties.MetricName];
    };
    expect(metricNames(/emergency call/).sort()).toEqual(['AlertEscalated', 'AlertUnreached']);
    expect(metricNames(/WeChat refused/)).toEqual(['MessageFailed']);
  });

  test('the topic refuses plain HTTP and is encrypted', () => {
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});
