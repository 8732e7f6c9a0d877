import { App, Validations, type Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { consumers, functionGroupOf, functionGroups, handlerId, jobs, routes, type AppSecret, type RouteDefinition } from '../../functions/src/routes';
import { tableDefinition } from '../../functions/src/store/table';
import { YilinStack } from '../lib/yilin-stack';
import { synth, tokenPublicKey } from './synth';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const routeTable = routes as readonly RouteDefinition[];
const deployed = routeTable.filter((route) => !route.localOnly);
const deployedHandlers = [...new Set(deployed.map((route) => route.handler))];
const jobHandlers: string[] = jobs.map((job) => job.handler);
const consumerHandlers: string[] = consumers.map((consumer) => consumer.handler);
const readOnlyHandlers = deployedHandlers.filter((handler) =>
  deployed.filter((route) => route.handler === handler).every((route) => route.method === 'GET' && !('keepsReads' in route)),
);

const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * Lambda functions CDK adds for itself (custom-resource providers, log-retention and bucket helpers), by
 * their construct ids. The project avoids them (explicit log groups, native deletion protection), but a
 * future construct may add one, and it is not a function of the project.
 */
const cdkHelperPaths = [/\/LogRetention[0-9a-f]{32}\//, /\/AWS679f53fac002430cb0da5b7982bd2287\//, /\/Custom::[A-Za-z]+CustomResourceProvider\//, /\/BucketNotificationsHandler/];

const dev = synth();
const devResources = dev.template.toJSON().Resources as Record<string, Resource>;

function resourcesOfType(resources: Record<string, Resource>, type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function projectFunctions(resources: Record<string, Resource>): [string, Resource][] {
  return resourcesOfType(resources, 'AWS::Lambda::Function').filter(
    ([, fn]) => !cdkHelperPaths.some((pattern) => pattern.test(fn.Metadata?.['aws:cdk:path'] ?? '')),
  );
}

/**
 * The function of a handler, by the construct id the stack derives from the route table: a deployed
 * route's handler runs in its feature-and-grant group's function, a job in its own.
 */
function functionOf(resources: Record<string, Resource>, handler: string): Resource {
  const name = jobHandlers.includes(handler) ? handler : functionGroupOf(handler).name;
  const suffix = `/${handlerId(name)}/Function/Resource`;
  const found = Object.values(resources).filter(
    (resource) => resource.Type === 'AWS::Lambda::Function' && String(resource.Metadata?.['aws:cdk:path']).endsWith(suffix),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

function policyActionsOf(resources: Record<string, Resource>, fn: Resource): string[] {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return resourcesOfType(resources, 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: any) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .flatMap((statement: any) => [statement.Action].flat());
}

function logicalIdOf(resources: Record<string, Resource>, type: string, pathPart: string): string {
  const found = resourcesOfType(resources, type).filter(([, resource]) => String(resource.Metadata?.['aws:cdk:path']).includes(pathPart));
  expect(found).toHaveLength(1);
  return found[0][0];
}

describe('the table', () => {
  it('has exactly the keys, indexes and TTL attribute of tableDefinition, all strings', () => {
    const [, table] = resourcesOfType(devResources, 'AWS::DynamoDB::Table')[0];
    const indexes = tableDefinition.globalSecondaryIndexes;
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      indexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyNames = [tableDefinition.partitionKey, tableDefinition.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(keyNames.length);
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
  });

  it('is on demand, encrypted with the AWS managed key and has point-in-time recovery', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      // Enabled without a key of our own: the AWS managed key (aws/dynamodb).
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is disposable outside prod', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('is retained and protected from deletion in prod, with its secrets', () => {
    const prod = synth({ stage: 'prod' });
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    prod.template.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    expect(prod.stack.terminationProtection).toBe(true);
  });
});

describe('the HTTP API', () => {
  it('has exactly one route per route-table entry, local-only routes left out', () => {
    const routeKeys = resourcesOfType(devResources, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual(deployed.map((route) => `${route.method} ${route.path}`).sort());
    expect(routeKeys).toHaveLength(new Set(routeKeys).size);
    for (const local of routeTable.filter((route) => route.localOnly)) {
      expect(routeKeys).not.toContain(`${local.method} ${local.path}`);
    }
  });

  it('sends each route to the function of its handler', () => {
    for (const route of deployed) {
      const [, apiRoute] = resourcesOfType(devResources, 'AWS::ApiGatewayV2::Route').find(
        ([, candidate]) => candidate.Properties.RouteKey === `${route.method} ${route.path}`,
      )!;
      const integrationId = apiRoute.Properties.Target['Fn::Join'][1][1].Ref;
      const integration = devResources[integrationId];
      const functionId = logicalIdOf(devResources, 'AWS::Lambda::Function', `/${handlerId(functionGroupOf(route.handler).name)}/Function/`);
      expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(functionId);
      expect(apiRoute.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('logs access, throttles by default and has no CORS configuration', () => {
    const accessLogs = logicalIdOf(devResources, 'AWS::Logs::LogGroup', '/ApiAccessLogs/');
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [accessLogs, 'Arn'] },
        Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' })),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
  });

  it('outputs its URL', () => {
    dev.template.hasOutput('ApiUrl', { Value: Match.anyValue() });
    expect(dev.template.findResources('AWS::ApiGatewayV2::DomainName')).toEqual({});
  });

  it('takes a custom domain and certificate from context and maps it', () => {
    const certificateArn = 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/0e5e3b6c-0000-4000-8000-000000000000';
    const { template } = synth({ region: 'cn-north-1', account: '123456789012', domainName: 'api.yilin.example.cn', certificateArn });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.yilin.example.cn',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: certificateArn, SecurityPolicy: 'TLS_1_2' })],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    template.hasOutput('ApiUrl', { Value: 'https://api.yilin.example.cn/' });
  });

  it('refuses a custom domain without its certificate', () => {
    expect(() => synth({ domainName: 'api.yilin.example.cn' })).toThrow(/certificateArn/);
  });
});

describe('the functions', () => {
  it('are one project function per feature and grant of the deployed routes, per scheduled job and per event consumer, and nothing else', () => {
    const functions = projectFunctions(devResources);
    const expected = functionGroups().length + jobHandlers.length + consumerHandlers.length;
    expect(functions).toHaveLength(expected);
    expect(resourcesOfType(devResources, 'AWS::Lambda::Function')).toHaveLength(expected);
    for (const handler of [...deployedHandlers, ...jobHandlers]) functionOf(devResources, handler);
  });

  it('group routes so that a function never holds a grant or secret one of its routes does not need', () => {
    for (const group of functionGroups()) {
      const handlers = [...new Set(group.routes.map((route) => route.handler))];
      const needsWrite = handlers.some((handler) => !readOnlyHandlers.includes(handler));
      expect({ group: group.name, write: group.tableAccess === 'readWrite' }).toEqual({ group: group.name, write: needsWrite });
      for (const route of group.routes) expect([...(route.secrets ?? [])].sort()).toEqual(group.secrets);
    }
  });

  it('give the files bucket and its name only to functions whose routes issue upload forms or photo links; let a GET that keeps who read health data write', () => {
    for (const group of functionGroups()) {
      const variables = functionOf(devResources, group.routes[0].handler).Properties.Environment.Variables;
      expect({ group: group.name, files: 'FILES_BUCKET' in variables }).toEqual({ group: group.name, files: group.files });
    }
    expect(functionGroupOf('staff/photo-upload').files).toBe(true);
    expect(functionGroupOf('care/get-booking').files).toBe(true);
    expect(functionGroupOf('elders/get').files).toBe(false);
    // Closing an elder, at once or by the retention job, deletes their wishes' voice notes and photos.
    expect(functionGroupOf('rights/close-elder').files).toBe(true);
    for (const job of jobs) {
      const variables = functionOf(devResources, job.handler).Properties.Environment.Variables;
      expect({ job: job.handler, files: 'FILES_BUCKET' in variables }).toEqual({ job: job.handler, files: job.handler === 'rights-jobs/retention' });
    }
    for (const handler of ['care/health-record', 'care/get-booking', 'care/candidates']) expect(functionGroupOf(handler).tableAccess).toBe('readWrite');
  });

  it('run each scheduled job on its EventBridge schedule', () => {
    const rules = resourcesOfType(devResources, 'AWS::Events::Rule');
    expect(rules.map(([, rule]) => rule.Properties.ScheduleExpression).sort()).toEqual(jobs.map((job) => job.schedule).sort());
    for (const handler of jobHandlers) {
      const [functionId] = Object.entries(devResources).find(([, resource]) => resource === functionOf(devResources, handler))!;
      expect(rules.some(([, rule]) => JSON.stringify(rule.Properties.Targets).includes(functionId))).toBe(true);
    }
  });

  it('run Node.js 22 on arm64 and log to their own log group with a month of retention', () => {
    for (const handler of deployedHandlers) {
      const fn = functionOf(devResources, handler);
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      const logGroup = devResources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(30);
      expect(fn.Properties.Timeout).toBe(10);
      expect(fn.Properties.MemorySize).toBe(512);
    }
  });

  it('get stage, table, WeChat settings, logging and source maps from the environment', () => {
    const tableId = resourcesOfType(devResources, 'AWS::DynamoDB::Table')[0][0];
    for (const handler of deployedHandlers) {
      expect(functionOf(devResources, handler).Properties.Environment.Variables).toMatchObject({
        STAGE: 'dev',
        TABLE_NAME: { Ref: tableId },
        WECHAT_APPID: 'wx0123456789abcdef',
        WECHAT_API_BASE: 'https://api.weixin.qq.com',
        POWERTOOLS_SERVICE_NAME: 'yilin',
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('take the WeChat API base from context', () => {
    const { template } = synth({ wechatApiBase: 'https://wechat.example.cn' });
    for (const handler of deployedHandlers) {
      expect(functionOf(template.toJSON().Resources, handler).Properties.Environment.Variables).toMatchObject({
        WECHAT_API_BASE: 'https://wechat.example.cn',
      });
    }
  });

  it('take the county the deployment serves from context, and leave it out without one', () => {
    const { template } = synth({ countyId: 'county-guzhang' });
    for (const handler of deployedHandlers) {
      expect(functionOf(template.toJSON().Resources, handler).Properties.Environment.Variables.COUNTY_ID).toBe('county-guzhang');
      expect(functionOf(devResources, handler).Properties.Environment.Variables.COUNTY_ID).toBeUndefined();
    }
  });

  it('of GET-only handlers can read the table but not write it; the others can write', () => {
    expect(readOnlyHandlers.length).toBeGreaterThan(0);
    for (const handler of deployedHandlers) {
      const actions = policyActionsOf(devResources, functionOf(devResources, handler));
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      if (readOnlyHandlers.includes(handler)) {
        for (const action of writeActions) expect(actions).not.toContain(action);
      } else {
        expect(actions).toEqual(expect.arrayContaining(writeActions));
      }
      expect(actions.some((action) => action === '*' || action === 'dynamodb:*')).toBe(false);
    }
  });

  it('have roles without managed policies, writing only to their own log group', () => {
    dev.template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    for (const handler of deployedHandlers) {
      const fn = functionOf(devResources, handler);
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const statements = resourcesOfType(devResources, 'AWS::IAM::Policy')
        .filter(([, policy]) => policy.Properties.Roles.some((role: any) => role.Ref === roleId))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
      const logStatements = statements.filter((statement: any) => [statement.Action].flat().some((a: string) => a.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({ Resource: { 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] } }),
      ]);
    }
  });
});

describe('the secrets', () => {
  const wechat = logicalIdOf(devResources, 'AWS::SecretsManager::Secret', '/WechatAppSecret/');
  const privateKey = logicalIdOf(devResources, 'AWS::SecretsManager::Secret', '/TokenPrivateKey/');
  /** Deployed handlers whose route declares the secret. */
  const declaring = (secret: AppSecret) => [...new Set(deployed.filter((route) => route.secrets?.includes(secret)).map((route) => route.handler))].sort();
  const signingHandlers = declaring('session-signing');
  const wechatHandlers = declaring('wechat');

  function statementsOf(fn: Resource): any[] {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    return resourcesOfType(devResources, 'AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((role: any) => role.Ref === roleId))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
  }

  /** The secrets (logical ids) a function's role may read. */
  function readableSecrets(fn: Resource): string[] {
    return statementsOf(fn)
      .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap((statement) => [statement.Resource].flat().map((resource: any) => resource.Ref))
      .sort();
  }

  /** Roles (logical ids) of the policies that mention a secret. */
  function rolesGrantedOn(secret: string): string[] {
    return resourcesOfType(devResources, 'AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes(`"Ref":"${secret}"`))
      .flatMap(([, policy]) => policy.Properties.Roles.map((role: any) => role.Ref))
      .sort();
  }

  const roleOf = (handler: string): string => functionOf(devResources, handler).Properties.Role['Fn::GetAtt'][0];

  it('are the WeChat AppSecret and the token private key, each created as a placeholder the operator replaces', () => {
    expect(resourcesOfType(devResources, 'AWS::SecretsManager::Secret').map(([id]) => id).sort()).toEqual([privateKey, wechat].sort());
    for (const secret of [wechat, privateKey]) expect(devResources[secret].Properties.GenerateSecretString).toBeDefined();
    dev.template.hasOutput('TokenPrivateKeyArn', { Value: { Ref: privateKey } });
    dev.template.hasOutput('WechatAppSecretArn', { Value: { Ref: wechat } });
  });

  it('give the token private key, by ARN with read access, to the functions that sign people in', () => {
    expect(signingHandlers).toEqual(['auth/wechat-login', 'me/claim-elder', 'me/claim-staff', 'me/set-name', 'volunteers/sign-up']);
    for (const handler of signingHandlers) {
      const fn = functionOf(devResources, handler);
      expect({ handler, variable: fn.Properties.Environment.Variables.TOKEN_PRIVATE_KEY_ARN }).toEqual({ handler, variable: { Ref: privateKey } });
      expect(readableSecrets(fn)).toContain(privateKey);
    }
    expect(rolesGrantedOn(privateKey)).toEqual([...new Set(signingHandlers.map(roleOf))].sort());
  });

  /** A consumer's function, found by its construct path. */
  const consumerFunction = (handler: string): Resource => {
    const found = Object.values(devResources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && String(resource.Metadata?.['aws:cdk:path']).endsWith(`/Consumers/${handlerId(handler)}/Function/Resource`),
    );
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('give the WeChat AppSecret, by ARN with read access, to the WeChat sign-in and the consumer that sends subscribe messages only', () => {
    expect(wechatHandlers).toEqual(['auth/wechat-login']);
    expect(consumers.filter((consumer) => consumer.secrets?.includes('wechat')).map((consumer) => consumer.handler)).toEqual(['notify-events/messages', 'notify-events/alerts']);
    const fn = functionOf(devResources, 'auth/wechat-login');
    expect(fn.Properties.Environment.Variables).toMatchObject({ WECHAT_SECRET_ARN: { Ref: wechat }, TOKEN_PRIVATE_KEY_ARN: { Ref: privateKey } });
    expect(readableSecrets(fn)).toEqual([privateKey, wechat].sort());
    const sender = consumerFunction('notify-events/messages');
    expect(sender.Properties.Environment.Variables).toMatchObject({ WECHAT_SECRET_ARN: { Ref: wechat } });
    expect(sender.Properties.Environment.Variables.TOKEN_PRIVATE_KEY_ARN).toBeUndefined();
    expect(readableSecrets(sender)).toEqual([wechat]);
    const alerts = consumerFunction('notify-events/alerts');
    expect(readableSecrets(alerts)).toEqual([wechat]);
    expect(rolesGrantedOn(wechat)).toEqual([roleOf('auth/wechat-login'), sender.Properties.Role['Fn::GetAtt'][0], alerts.Properties.Role['Fn::GetAtt'][0]].sort());
  });

  it('give no other function, API or job, any Secrets Manager grant or secret variable', () => {
    const others = [...deployedHandlers, ...jobHandlers].filter((handler) => !signingHandlers.includes(handler));
    expect(others.length).toBeGreaterThan(0);
    for (const handler of others) {
      const fn = functionOf(devResources, handler);
      const secretVariables = Object.keys(fn.Properties.Environment.Variables).filter((name) => /SECRET|PRIVATE|_ARN$/.test(name));
      const secretActions = statementsOf(fn).flatMap((statement) => [statement.Action].flat()).filter((action: string) => action.startsWith('secretsmanager:'));
      expect({ handler, secretVariables, secretActions }).toEqual({ handler, secretVariables: [], secretActions: [] });
    }
  });

  it('give every API function the public key as a plain variable; the jobs, which neither sign nor verify, get none', () => {
    for (const handler of deployedHandlers) {
      expect({ handler, key: functionOf(devResources, handler).Properties.Environment.Variables.TOKEN_PUBLIC_KEY }).toEqual({ handler, key: tokenPublicKey });
    }
    for (const handler of jobHandlers) expect(functionOf(devResources, handler).Properties.Environment.Variables.TOKEN_PUBLIC_KEY).toBeUndefined();
  });
});

describe('cdk-nag AwsSolutions', () => {
  const variants: [string, Record<string, unknown>][] = [
    ['prod', { stage: 'prod' }],
    [
      'prod in China with a custom domain',
      {
        stage: 'prod',
        region: 'cn-northwest-1',
        account: '123456789012',
        domainName: 'api.yilin.example.cn',
        certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0e5e3b6c-0000-4000-8000-000000000000',
      },
    ],
  ];

  function findings(stack: Stack): string[] {
    return new AwsSolutionsChecks()
      .validateScope(stack.node.root)
      .violations.map((violation) => `${violation.severity} ${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`);
  }

  it('reports no unacknowledged error or warning (dev)', () => {
    expect(findings(dev.stack)).toEqual([]);
  });

  it.each(variants)('reports no unacknowledged error or warning (%s)', (_name, context) => {
    expect(findings(synth(context).stack)).toEqual([]);
  });

  it('is acknowledged only for the named findings, each with a reason', () => {
    const acknowledged = new Map<string, string>();
    for (const construct of dev.stack.node.findAll()) {
      for (const entry of construct.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged.set(id.replace(/^annotation::/i, ''), reason);
        }
      }
    }
    const named = (id: string) => id.replace(/\[Resource::<Table[0-9A-F]+\.Arn>/, '[Resource::<Table.Arn>').replace(/<FilesBucket[0-9A-F]+\.Arn>/, '<FilesBucket.Arn>');
    expect([...acknowledged.keys()].map(named).sort()).toEqual([
      'AwsSolutions-APIG4',
      // The stream event source's dynamodb:ListStreams, which has no resource-level permission.
      'AwsSolutions-IAM5[Resource::*]',
      // Staff photos: every owner's objects, reached through presigned links (files-bucket.ts).
      'AwsSolutions-IAM5[Resource::<FilesBucket.Arn>/*]',
      'AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
    for (const reason of acknowledged.values()) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('the China regions', () => {
  it.each(['cn-north-1', 'cn-northwest-1'])('synthesize for %s without any global-partition ARN', (region) => {
    const { stack, template } = synth({ region, account: '123456789012', stage: 'prod' });
    expect(stack.region).toBe(region);
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/arn:aws:/);
    expect(projectFunctions(template.toJSON().Resources)).toHaveLength(functionGroups().length + jobHandlers.length + consumerHandlers.length);
  });
});

describe('the context', () => {
  it('refuses prod without the WeChat AppID, and only warns on other stages', () => {
    expect(() => synth({ stage: 'prod', wechatAppId: '' })).toThrow(/wechatAppId/);
    const { stack } = synth({ wechatAppId: '' });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('wechatAppId'));
  });

  it('refuses prod without the token public key, and only warns on other stages', () => {
    expect(() => synth({ stage: 'prod', tokenPublicKey: '' })).toThrow(/tokenPublicKey/);
    const { stack } = synth({ tokenPublicKey: '' });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('tokenPublicKey'));
  });

  it('takes only an EC P-256 public key as the token public key, never a private key', () => {
    const pem = (type: 'ec' | 'rsa', options: object) => generateKeyPairSync(type as 'ec', options as { namedCurve: string });
    const p256 = pem('ec', { namedCurve: 'P-256' });
    expect(() => synth({ tokenPublicKey: p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) })).toThrow(/holds a private key/);
    expect(() => synth({ tokenPublicKey: p256.privateKey.export({ type: 'sec1', format: 'pem' }) })).toThrow(/holds a private key/);
    expect(() => synth({ tokenPublicKey: 'not a key' })).toThrow(/not a public key/);
    for (const other of [pem('ec', { namedCurve: 'P-384' }), pem('rsa', { modulusLength: 2048 })]) {
      expect(() => synth({ tokenPublicKey: other.publicKey.export({ type: 'spki', format: 'pem' }) })).toThrow(/P-256/);
    }
  });

  it('takes the token public key as base64 DER on one line too, as the CDK CLI passes a --context value', () => {
    const der = createPublicKey(tokenPublicKey).export({ type: 'spki', format: 'der' }).toString('base64');
    const { template } = synth({ tokenPublicKey: der });
    expect(functionOf(template.toJSON().Resources, 'me/get').Properties.Environment.Variables.TOKEN_PUBLIC_KEY).toBe(tokenPublicKey);
  });

  it('rejects a stage name that cannot name a stack', () => {
    expect(() => synth({ stage: 'Prod EU' })).toThrow(/stage/);
  });

  it('refuses to deploy the local stage: the demo sign-in exists only there', () => {
    expect(() => synth({ stage: 'local' })).toThrow(/"stage" must not be "local"/);
    expect(() => new YilinStack(new App(), 'Yilin-local', { stage: 'local', wechatAppId: 'wx0123456789abcdef' })).toThrow(/local/);
  });

  it('defaults to the dev stage', () => {
    expect(dev.stack.stackName).toBe('Yilin-dev');
  });
});
