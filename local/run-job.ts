import { handlerModule, jobs } from '../functions/src/routes';

/**
 * `npm run job -- <name> [YYYY-MM-DD]`: runs a scheduled job of the route table (e.g. standing-orders)
 * once against the data of a running `npm start`, with the same code the cloud schedule invokes.
 */
async function main(): Promise<void> {
  const [name, date] = process.argv.slice(2);
  const job = jobs.find((candidate) => candidate.handler.split('/')[1] === name);
  if (!job) {
    console.error(`用法 / usage: npm run job -- <${jobs.map((j) => j.handler.split('/')[1]).join('|')}> [YYYY-MM-DD]`);
    process.exit(2);
  }
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: process.env.TABLE_NAME ?? 'yilin-local',
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8765}`,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(`../functions/src/${handlerModule(job.handler)}`) as { handler: (event: { date?: string }) => Promise<unknown> };
  try {
    console.log(JSON.stringify(await handler(date ? { date } : {}), null, 2));
  } catch (error) {
    console.error(`任务失败（请先运行 npm start）/ job failed (is npm start running?): ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
