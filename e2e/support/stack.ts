import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { h5BuildFolder, startLocalStack, type LocalStack } from '../../local/stack';
import { launchBrowser } from './browser';

/**
 * A throw-away stack for one test file or one screenshot run: in-memory DynamoDB Local with fresh demo
 * data, the API and the H5 build, all on free ports, so runs never share state or collide.
 */
export type { LocalStack };

export async function startTestStack(): Promise<LocalStack> {
  if (!existsSync(join(h5BuildFolder, 'index.html'))) {
    throw new Error('The H5 build is missing: run `npm run build:h5` first (npm run test:e2e does).');
  }
  return startLocalStack({ tableName: 'yilin-e2e' });
}

export interface StackAndBrowser {
  readonly stack: LocalStack;
  readonly browser: Browser;
}

/** Starts a stack and Chromium before this file's tests and stops both after them; read them inside hooks and tests. */
export function useStackAndBrowser(): StackAndBrowser {
  const env = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    env.stack = await startTestStack();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.stop();
  });
  return env;
}
