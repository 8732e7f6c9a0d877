import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * Secrets, for the few functions that hold one. In the cloud each arrives as a Secrets Manager ARN and
 * is fetched once per container (Powertools caches it); locally and in tests it is a plain variable.
 * Only the session signing and the WeChat client import this module: a function that merely verifies
 * tokens bundles no Secrets Manager client.
 */
async function secretFrom(plainVariable: string, arnVariable: string): Promise<string> {
  const plain = process.env[plainVariable];
  if (plain) return plain;
  const arn = process.env[arnVariable];
  if (!arn) throw new Error(`Neither ${plainVariable} nor ${arnVariable} is set`);
  const value = await getSecret<string>(arn, { maxAge: 300 });
  if (typeof value !== 'string' || value.length === 0) throw new Error(`Secret ${arnVariable} is empty`);
  return value;
}

/** PEM of the EC P-256 private key that signs session tokens (PKCS#8, or SEC1 as `openssl ecparam` writes it). */
export const tokenPrivateKey = () => secretFrom('TOKEN_PRIVATE_KEY', 'TOKEN_PRIVATE_KEY_ARN');
export const wechatSecret = () => secretFrom('WECHAT_SECRET', 'WECHAT_SECRET_ARN');
