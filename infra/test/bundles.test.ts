import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { handlerModule, routes, type RouteDefinition } from '../../functions/src/routes';

/**
 * What a function carries is what esbuild puts in its bundle (the options of ProjectFunction). The
 * Secrets Manager client costs every cold start that loads it, so only the functions whose route declares
 * a secret may carry it: a function that merely verifies session tokens leaves it out. That holds while
 * the token's signing half stays the only code that reaches `platform/secrets.ts`.
 */
const projectRoot = path.resolve(__dirname, '../..');
const secretsCode = /node_modules\/@aws-sdk\/client-secrets-manager\/|node_modules\/@aws-lambda-powertools\/parameters\/lib\//;

async function secretsBytes(handler: string): Promise<number> {
  const { metafile } = await build({
    entryPoints: [path.join(projectRoot, 'functions/src', `${handlerModule(handler)}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    write: false,
    outfile: 'index.js',
    absWorkingDir: projectRoot,
    metafile: true,
    logLevel: 'error',
  });
  return Object.values((metafile as Metafile).outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([input]) => secretsCode.test(input))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
}

const deployed = (routes as readonly RouteDefinition[]).filter((route) => !route.localOnly);
const handlersWith = (hasSecret: boolean) => [...new Set(deployed.filter((route) => Boolean(route.secrets?.length) === hasSecret).map((route) => route.handler))];

describe('the function bundles', () => {
  it('of the functions that hold a secret carry the Secrets Manager client (so the check below can see it)', async () => {
    const handlers = handlersWith(true);
    expect(handlers.sort()).toEqual(['auth/wechat-login', 'me/claim-elder']);
    for (const handler of handlers) expect({ handler, carries: (await secretsBytes(handler)) > 10_000 }).toEqual({ handler, carries: true });
  }, 60_000);

  it('of every other function carry no Secrets Manager code: verifying a session token needs none', async () => {
    const handlers = handlersWith(false);
    expect(handlers.length).toBeGreaterThan(20);
    const found = await Promise.all(handlers.map(async (handler) => ({ handler, bytes: await secretsBytes(handler) })));
    expect(found.filter(({ bytes }) => bytes > 0)).toEqual([]);
  }, 120_000);
});
