import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { YilinStack } from './yilin-stack';

/**
 * Builds the app from CDK context (`--context key=value` or cdk.json):
 * - `stage`: default `dev`; `prod` retains data and turns on deletion protection. `local` is refused:
 *   it is the stage of the local stack, the only one where the demo sign-in exists.
 * - `region`, `account`: optional; otherwise the CLI's default account and region.
 *   `cn-north-1` / `cn-northwest-1` deploy to the China partition.
 * - `domainName` + `certificateArn`: optional custom domain for the API (ICP-filed, required by WeChat).
 * - `wechatAppId`, `wechatApiBase` (default `https://api.weixin.qq.com`).
 * - `countyId`: the county this deployment serves (newcomers are offered its communities only); without it
 *   every county on the table is offered.
 * - `tokenPublicKey`: the EC P-256 public key that verifies session tokens, base64 DER or PEM (its
 *   private half is a secret the operator fills, see infra/README.md); required for `prod`.
 * The cdk-nag AwsSolutions checks run on every synth; an unacknowledged finding stops it.
 */
export function defineYilinApp(app: App): YilinStack {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };

  const stage = context('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`Context "stage" must be lower-case letters, digits and hyphens (got "${stage}")`);
  }
  if (stage === 'local') {
    throw new Error(
      'Context "stage" must not be "local": that stage turns on the demo sign-in (anyone may sign in as any demo account) ' +
        'and exists only on the local stack. Deploy with another stage, e.g. --context stage=dev',
    );
  }
  const domainName = context('domainName');
  const certificateArn = context('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error('Context "domainName" and "certificateArn" go together: give both or neither');
  }

  const stack = new YilinStack(app, `Yilin-${stage}`, {
    env: {
      account: context('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
      region: context('region') ?? process.env.CDK_DEFAULT_REGION,
    },
    description: `Yilin community elderly-care backend (${stage})`,
    stage,
    wechatAppId: context('wechatAppId') ?? '',
    wechatApiBase: context('wechatApiBase'),
    wechatTemplateIds: templateIdsOf(context('wechatTemplateIds')),
    alertEscalationMinutes: context('alertEscalationMinutes') ? Number(context('alertEscalationMinutes')) : undefined,
    countyId: context('countyId'),
    tokenPublicKey: context('tokenPublicKey'),
    customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
    terminationProtection: stage === 'prod',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}

/** `--context wechatTemplateIds='{"orderConfirmed":"<id>",…}'`: the subscribe-message templates by topic. */
function templateIdsOf(json: string | undefined): Record<string, string> | undefined {
  if (!json) return undefined;
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((id) => typeof id !== 'string')) {
    throw new Error('Context "wechatTemplateIds" must be a JSON object of message topic → WeChat template id');
  }
  return parsed as Record<string, string>;
}
