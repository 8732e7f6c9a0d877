import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { h5BuildFolder, startLocalStack, type LocalStack } from '../../local/stack';

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
