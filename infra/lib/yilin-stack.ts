import { createPublicKey } from 'node:crypto';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { consumers, functionGroups, handlerId, jobs, routes, type AppSecret, type ConsumerDefinition, type RouteDefinition } from '../../functions/src/routes';
import { writeGroupEntry } from './function-entries';
import { tableDefinition } from '../../functions/src/store/table';
import { OperationsAlarms } from './alarms';
import { EventConsumers } from './consumers';
import { FilesBucket } from './files-bucket';
import { ProjectFunction } from './project-function';

export interface CustomDomainProps {
  /** An ICP-filed domain: WeChat only calls whitelisted, filed HTTPS domains. */
  readonly domainName: string;
  /** ACM certificate for `domainName`, in the stack's region. */
  readonly certificateArn: string;
}

export interface YilinStackProps extends StackProps {
  /** `prod` retains data and protects the table from deletion; any other stage is disposable. */
  readonly stage: string;
  /** AppID of the mini-program, used with the app secret for `code2Session`. */
  readonly wechatAppId: string;
  /** @default 'https://api.weixin.qq.com' */
  readonly wechatApiBase?: string;
  /**
   * The subscribe-message templates chosen in WeChat's library, by message topic (see `templateFields` in the
   * contract for the keywords each must carry). A topic without one is kept in the in-app list only.
   * @default {}
   */
  readonly wechatTemplateIds?: Readonly<Record<string, string>>;
  /**
   * Minutes an emergency call may wait unanswered before it goes up to the centre, and again to the county.
   * @default 5
   */
  readonly alertEscalationMinutes?: number;
  /** The county this deployment serves: a newcomer signing up as a volunteer is offered its communities only. */
  readonly countyId?: string;
  /**
   * The EC P-256 public key that verifies session tokens, PEM or base64 DER; its private half goes into the
   * `TokenPrivateKey` secret. Without it no session token is accepted.
   */
  readonly tokenPublicKey?: string;
  /** @default - the API is reached at its execute-api URL only */
  readonly customDomain?: CustomDomainProps;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Steady-state requests per second for the whole API; far above a county's load, low enough to cap a runaway client.
   * @default 100
   */
  readonly throttleRateLimit?: number;
  /** @default 200 */
  readonly throttleBurstLimit?: number;
  /**
   * The event consumers to build; the route table's `consumers` unless given (tests give their own).
   * @default consumers
   */
  readonly consumers?: readonly ConsumerDefinition[];
}

/** Routes that are deployed: `localOnly` routes (the demo login) exist only on the local stack. */
function deployedRoutes(): RouteDefinition[] {
  return (routes as readonly RouteDefinition[]).filter((route) => !route.localOnly);
}

/** One JSON line per request, in HTTP API variables (the default format is the REST API's). */
const httpApiAccessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

/** The variable that carries each route-table secret's ARN to the functions that declare it (see `platform/secrets.ts`). */
const secretArnVariables: Record<AppSecret, string> = { wechat: 'WECHAT_SECRET_ARN', 'session-signing': 'TOKEN_PRIVATE_KEY_ARN' };

/**
 * The public key in the one form the functions read (SPKI PEM), from PEM (as `cdk.context.json` holds it) or
 * from base64 DER on one line (the CDK CLI cuts a `--context` value at its first line break). Anything but an
 * EC P-256 public key stops the synth.
 */
function tokenPublicKeyPem(text: string): string {
  if (text.includes('PRIVATE KEY')) {
    throw new Error('Context "tokenPublicKey" holds a private key: give the public key only (openssl ec -pubout); the private key goes into the TokenPrivateKey secret');
  }
  let key;
  try {
    key = text.includes('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error('Context "tokenPublicKey" is not a public key, neither in PEM nor as base64 DER');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('Context "tokenPublicKey" must be an EC P-256 (prime256v1) public key: session tokens are signed with ES256');
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * The backend of Yilin: one DynamoDB table, one function per handler of the route table, and an HTTP API
 * whose routes are generated from that table. Authorisation happens inside the functions (our own signed
 * session token, roles from the route table), so API Gateway routes carry no authorizer.
 */
export class YilinStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly functions: ReadonlyMap<string, ProjectFunction>;
  readonly files: FilesBucket;

  constructor(scope: Construct, id: string, props: YilinStackProps) {
    super(scope, id, props);
    if (props.stage === 'local') {
      throw new Error('Stage "local" cannot be deployed: it turns on the demo sign-in, which exists only on the local stack');
    }
    const isProd = props.stage === 'prod';
    const removalPolicy = isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;

    if (!props.wechatAppId) {
      const message = 'Context "wechatAppId" is not set: WeChat login cannot work without the AppID';
      if (isProd) Annotations.of(this).addError(message);
      else Annotations.of(this).addWarningV2('yilin:wechatAppIdMissing', message);
    }

    if (!props.tokenPublicKey) {
      const message = 'Context "tokenPublicKey" is not set: no session token can be verified without it (see infra/README.md)';
      if (isProd) Annotations.of(this).addError(message);
      else Annotations.of(this).addWarningV2('yilin:tokenPublicKeyMissing', message);
    }
    const tokenPublicKey = props.tokenPublicKey ? tokenPublicKeyPem(props.tokenPublicKey) : '';

    this.table = this.createTable(isProd, removalPolicy);

    const wechatAppSecret = new secretsmanager.Secret(this, 'WechatAppSecret', {
      description: 'AppSecret of the WeChat mini-program. Issued by WeChat: replace the generated placeholder with it.',
      removalPolicy,
    });
    const tokenPrivateKey = new secretsmanager.Secret(this, 'TokenPrivateKey', {
      description:
        'EC P-256 private key (PEM) that signs session tokens, the pair of the tokenPublicKey context. ' +
        'Generated by the operator: replace the generated placeholder with it. Replacing the pair signs every user out.',
      removalPolicy,
    });
    Validations.of(wechatAppSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The AppSecret is issued by WeChat and can only be reset in the WeChat console; a rotation function cannot change it.',
    });
    Validations.of(tokenPrivateKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The private key is one half of a pair whose public half is deployed as context; a rotation function cannot change ' +
        'both at once, so the pair is replaced deliberately (signing every user out), not on a schedule.',
    });

    // Least privilege: a secret reaches only the functions whose route declares it (`secrets` in the route table):
    // the private key the sign-in functions, the WeChat AppSecret the WeChat sign-in. Every API function verifies
    // tokens with the public key, a plain variable. The jobs get neither.
    // Staff photos: only the functions whose routes issue upload forms or photo links get the bucket.
    this.files = new FilesBucket(this, 'Files', { removalPolicy });
    this.functions = this.createFunctions(props, removalPolicy, logRetention, tokenPublicKey, {
      wechat: wechatAppSecret,
      'session-signing': tokenPrivateKey,
    });

    const jobFunctions = this.createJobs(props, removalPolicy, logRetention);

    const { api, stage, domain } = this.createApi(props, removalPolicy, logRetention);
    this.api = api;

    const eventConsumers = new EventConsumers(this, 'Consumers', {
      consumers: props.consumers ?? consumers,
      // Only a consumer that declares a secret gets it: the notifications consumer sends on WeChat.
      secrets: { [secretArnVariables.wechat]: wechatAppSecret, [secretArnVariables['session-signing']]: tokenPrivateKey },
      secretVariables: secretArnVariables,
      environment: {
        WECHAT_APPID: props.wechatAppId,
        WECHAT_API_BASE: props.wechatApiBase ?? 'https://api.weixin.qq.com',
        WECHAT_TEMPLATE_IDS: JSON.stringify(props.wechatTemplateIds ?? {}),
      },
      table: this.table,
      stage: props.stage,
      removalPolicy,
      logRetention,
    });
    const alarms = new OperationsAlarms(this, 'Alarms', {
      api,
      table: this.table,
      deadLetters: eventConsumers.deadLetters,
      jobs: jobFunctions.map(({ fn }) => fn),
    });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Subscribe the people on duty to this topic', value: alarms.topic.topicArn });

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the API for the mini-program build',
      value: props.customDomain ? `https://${props.customDomain.domainName}/` : stage.url,
    });
    new CfnOutput(this, 'ExecuteApiUrl', { description: 'Default endpoint of the HTTP API', value: stage.url });
    if (domain) {
      new CfnOutput(this, 'ApiDomainTarget', {
        description: 'Point a CNAME of the custom domain at this name',
        value: domain.regionalDomainName,
      });
    }
    new CfnOutput(this, 'WechatAppSecretArn', {
      description: 'Put the mini-program AppSecret into this secret',
      value: wechatAppSecret.secretArn,
    });
    new CfnOutput(this, 'TokenPrivateKeyArn', {
      description: 'Put the private key of the tokenPublicKey context into this secret',
      value: tokenPrivateKey.secretArn,
    });
  }

  private createTable(isProd: boolean, removalPolicy: RemovalPolicy): dynamodb.Table {
    const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      stream: dynamodb.StreamViewType[tableDefinition.streamViewType],
      deletionProtection: isProd,
      removalPolicy,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  /**
   * One function per feature and grant (see `functionGroups` in the route table): each serves its
   * routes through a generated entry that dispatches by route key, with the grants and secrets its
   * routes need and nothing more. The map answers, for every deployed handler, its function.
   */
  private createFunctions(
    props: YilinStackProps,
    removalPolicy: RemovalPolicy,
    logRetention: logs.RetentionDays,
    tokenPublicKey: string,
    appSecrets: Record<AppSecret, secretsmanager.ISecret>,
  ): Map<string, ProjectFunction> {
    const tableLogicalId = this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable);
    const functions = new Map<string, ProjectFunction>();
    for (const group of functionGroups()) {
      const secrets: Record<string, secretsmanager.ISecret> = {};
      for (const name of group.secrets) secrets[secretArnVariables[name]] = appSecrets[name];
      const projectFunction = new ProjectFunction(this, handlerId(group.name), {
        handler: group.name,
        entry: writeGroupEntry(group),
        stage: props.stage,
        table: this.table,
        tableAccess: group.tableAccess,
        secrets,
        environment: {
          WECHAT_APPID: props.wechatAppId,
          WECHAT_API_BASE: props.wechatApiBase ?? 'https://api.weixin.qq.com',
          WECHAT_TEMPLATE_IDS: JSON.stringify(props.wechatTemplateIds ?? {}),
          ALERT_ESCALATION_MINUTES: String(props.alertEscalationMinutes ?? 5),
          TOKEN_PUBLIC_KEY: tokenPublicKey,
          ...(props.countyId ? { COUNTY_ID: props.countyId } : {}),
          ...(group.files ? { FILES_BUCKET: this.files.bucket.bucketName } : {}),
        },
        logRetention,
        logRemovalPolicy: removalPolicy,
      });
      Validations.of(projectFunction).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
          reason: 'Table grants cover its indexes as <table>/index/*: the data layer queries gsi1 and gsi2.',
        },
        {
          id: 'AwsSolutions-L1',
          reason:
            'Node.js 22 is pinned on purpose: it is offered in both the global and the China regions (which receive ' +
            'new runtimes on their own schedule), and it is the runtime the handlers and their libraries are tested on.',
        },
      );
      if (group.files) this.files.grantFiles(projectFunction);
      for (const route of group.routes) functions.set(route.handler, projectFunction);
    }
    return functions;
  }

  /**
   * One function per scheduled job of the route table's `jobs`, triggered by an EventBridge schedule.
   * The jobs get no secret: they neither sign nor verify session tokens and never call WeChat.
   */
  private createJobs(props: YilinStackProps, removalPolicy: RemovalPolicy, logRetention: logs.RetentionDays): ProjectFunction[] {
    const created: ProjectFunction[] = [];
    for (const job of jobs) {
      const projectFunction = new ProjectFunction(this, handlerId(job.handler), {
        handler: job.handler,
        stage: props.stage,
        table: this.table,
        tableAccess: 'readWrite',
        environment: {
          ALERT_ESCALATION_MINUTES: String(props.alertEscalationMinutes ?? 5),
          ...('files' in job && job.files ? { FILES_BUCKET: this.files.bucket.bucketName } : {}),
        },
        timeout: Duration.minutes(5),
        logRetention,
        logRemovalPolicy: removalPolicy,
      });
      Validations.of(projectFunction).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable)}.Arn>/index/*]`,
          reason: 'Table grants cover its indexes as <table>/index/*: the job queries gsi1 for centres and standing orders.',
        },
        { id: 'AwsSolutions-L1', reason: 'Node.js 22 is pinned on purpose, as for every function of the project (see the API functions).' },
      );
      if ('files' in job && job.files) this.files.grantFiles(projectFunction);
      new events.Rule(this, `${handlerId(job.handler)}Schedule`, {
        description: job.description,
        schedule: events.Schedule.expression(job.schedule),
        targets: [new targets.LambdaFunction(projectFunction.fn, { retryAttempts: 2 })],
      });
      created.push(projectFunction);
    }
    return created;
  }

  private createApi(props: YilinStackProps, removalPolicy: RemovalPolicy, logRetention: logs.RetentionDays) {
    // No CORS: the mini-program's wx.request is not a browser request, and the H5 build talks to the local stack.
    const api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `yilin-${props.stage}`,
      description: `Yilin community elderly-care API (${props.stage})`,
      createDefaultStage: false,
    });

    const domain = props.customDomain
      ? new apigw.DomainName(this, 'ApiDomain', {
          domainName: props.customDomain.domainName,
          certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', props.customDomain.certificateArn),
          securityPolicy: apigw.SecurityPolicy.TLS_1_2,
        })
      : undefined;

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention, removalPolicy });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit ?? 100, burstLimit: props.throttleBurstLimit ?? 200 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: httpApiAccessLogFormat },
      domainMapping: domain ? { domainName: domain } : undefined,
    });

    // One integration and one invoke permission per function (scoped to this API), not per route: with a
    // route each, 140 routes made 420 resources and the stack passed CloudFormation's 500.
    const integrations = new Map<ProjectFunction, HttpLambdaIntegration>();
    for (const projectFunction of new Set(this.functions.values())) {
      integrations.set(projectFunction, new HttpLambdaIntegration(`${projectFunction.node.id}Integration`, projectFunction.fn, { scopePermissionToRoute: false }));
    }
    for (const route of deployedRoutes()) {
      api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations.get(this.functions.get(route.handler)!)!,
      });
    }
    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Each function authenticates the caller with our own signed session token (issued after WeChat code2Session) ' +
        'and checks the roles of its route; the public route (WeChat login) needs no session.',
    });
    return { api, stage, domain };
  }
}
