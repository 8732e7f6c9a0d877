import { startDynamoDbLocal, type DynamoDbLocal } from '../../../local/dynamodb';

/**
 * One DynamoDB Local, in memory, for the whole integration run; every test file gets its own table in it
 * (see fresh-table.ts). Jest starts its workers after this has run, and they inherit this process's
 * environment, so the endpoint travels to them as a variable (in band, the tests run in this process
 * and read it directly). The handle stays on globalThis for the teardown, which runs in this process.
 */
export const ENDPOINT_VARIABLE = 'YILIN_TEST_DYNAMODB_ENDPOINT';

declare global {
  var __yilinDynamoDbLocal: DynamoDbLocal | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Projects with their own setup (the reliability suite) call this one too: one DynamoDB Local for the run.
  if (globalThis.__yilinDynamoDbLocal) return;
  const dynamoDb = await startDynamoDbLocal();
  globalThis.__yilinDynamoDbLocal = dynamoDb;
  process.env[ENDPOINT_VARIABLE] = dynamoDb.endpoint;
}
