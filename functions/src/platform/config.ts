import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * Configuration from the environment. In the cloud, secrets arrive as Secrets Manager ARNs and are
 * fetched once per container (Powertools caches them); locally and in tests they are plain variables.
 */
export const config = {
  /**
   * The stage the code runs on. It has no default: `local` turns on the demo sign-in, so a missing
   * STAGE must fail loudly rather than quietly mean `local`. The stack, the local stack and the tests set it.
   */
  get stage(): string {
    const stage = process.env.STAGE;
    if (stage === undefined || stage.trim() === '') {
      throw new Error('STAGE is not set: every deployment and every local run must name its stage (e.g. STAGE=local)');
    }
    return stage;
  },
  get tableName(): string {
    return process.env.TABLE_NAME ?? 'yilin-local';
  },
  get dynamoEndpoint(): string | undefined {
    return process.env.DYNAMODB_ENDPOINT || undefined;
  },
  get wechatAppId(): string {
    return process.env.WECHAT_APPID ?? '';
  },
  /** @default https://api.weixin.qq.com — tests point it at a loopback fake. */
  get wechatApiBase(): string {
    return process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
  },
  get isLocal(): boolean {
    return this.stage === 'local';
  },
};

async function secretFrom(plainVariable: string, arnVariable: string): Promise<string> {
  const plain = process.env[plainVariable];
  if (plain) return plain;
  const arn = process.env[arnVariable];
  if (!arn) throw new Error(`Neither ${plainVariable} nor ${arnVariable} is set`);
  const value = await getSecret<string>(arn, { maxAge: 300 });
  if (typeof value !== 'string' || value.length === 0) throw new Error(`Secret ${arnVariable} is empty`);
  return value;
}

export const tokenSecret = () => secretFrom('TOKEN_SECRET', 'TOKEN_SECRET_ARN');
export const wechatSecret = () => secretFrom('WECHAT_SECRET', 'WECHAT_SECRET_ARN');
