import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { handlerId, type AppSecret, type ConsumerDefinition } from '../../functions/src/routes';
import { ProjectFunction } from './project-function';

export interface EventConsumersProps {
  readonly consumers: readonly ConsumerDefinition[];
  /** The table, with its change stream. */
  readonly table: dynamodb.ITable;
  readonly stage: string;
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: logs.RetentionDays;
  /** The app's secrets by the variable that carries each one's ARN; a consumer gets those it declares. */
  readonly secrets?: Readonly<Record<string, secretsmanager.ISecret>>;
  readonly secretVariables?: Readonly<Record<AppSecret, string>>;
  /** Plain settings every consumer reads (WeChat's AppID, API base and templates). */
  readonly environment?: Readonly<Record<string, string>>;
}

/** The secrets a consumer declares, by the variable that carries each one's ARN. */
function secretsOf(consumer: ConsumerDefinition, props: EventConsumersProps): Record<string, secretsmanager.ISecret> {
  const chosen: Record<string, secretsmanager.ISecret> = {};
  for (const name of consumer.secrets ?? []) {
    const variable = props.secretVariables?.[name];
    const secret = variable ? props.secrets?.[variable] : undefined;
    if (!variable || !secret) throw new Error(`The consumer ${consumer.handler} reads the secret ${name}, which the stack did not give`);
    chosen[variable] = secret;
  }
  return chosen;
}

/**
 * One function per event consumer of the route table's `consumers`, each fed from the table's change
 * stream by an event-source mapping: only the entities it asked for (a filter), batch-item failures, a
 * failing batch split in two, three retries, and then the record's place in the stream goes to the
 * dead-letter queue (the reason is in the consumer's log under the record's sequence number).
 */
export class EventConsumers extends Construct {
  readonly functions: ReadonlyMap<string, ProjectFunction>;
  /** Where records go that a consumer kept failing on; alarmed on its depth. */
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: EventConsumersProps) {
    super(scope, id);
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the event consumers.',
    });

    const tableLogicalId = Stack.of(this).getLogicalId(props.table.node.defaultChild as dynamodb.CfnTable);
    const functions = new Map<string, ProjectFunction>();
    for (const consumer of props.consumers) {
      const projectFunction = new ProjectFunction(this, handlerId(consumer.handler), {
        handler: consumer.handler,
        stage: props.stage,
        table: props.table,
        tableAccess: 'readWrite',
        secrets: secretsOf(consumer, props),
        environment: { ...props.environment },
        timeout: Duration.seconds(60),
        logRetention: props.logRetention,
        logRemovalPolicy: props.removalPolicy,
      });
      projectFunction.fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 25,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          retryAttempts: 3,
          maxRecordAge: Duration.hours(24),
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(this.deadLetters),
          filters: [
            lambda.FilterCriteria.filter({
              dynamodb: { NewImage: { __edb_e__: { S: lambda.FilterRule.or(...consumer.entities) } } },
            }),
            lambda.FilterCriteria.filter({
              eventName: lambda.FilterRule.isEqual('REMOVE'),
              dynamodb: { OldImage: { __edb_e__: { S: lambda.FilterRule.or(...consumer.entities) } } },
            }),
          ],
        }),
      );
      Validations.of(projectFunction).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
          reason: 'Table grants cover its indexes as <table>/index/*: consumers query gsi1 and gsi2.',
        },
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'The stream event source needs dynamodb:ListStreams, which has no resource-level permission; reading the stream itself is granted on the table stream ARN only.',
        },
        { id: 'AwsSolutions-L1', reason: 'Node.js 22 is pinned on purpose, as for every function of the project (see the API functions).' },
      );
      functions.set(consumer.handler, projectFunction);
    }
    this.functions = functions;
  }
}
