import { startDynamoDbLocal, type DynamoDbLocal } from '../../../local/dynamodb';

/**
 * One DynamoDB Local, in memory, for the whole integration run; every test file gets its own table in it
 * (see fresh-table.ts). Workers are started after this runs and inherit the environment, so the
 * endpoint travels to them as a variable. The handle stays on globalThis for the teardown, which runs
 * in this same process.
 */
export const ENDPOINT_VARIABLE = 'YILIN_TEST_DYNAMODB_ENDPOINT';

declare global {
  // eslint-disable-next-line no-var
  var __yilinDynamoDbLocal: DynamoDbLocal | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dynamoDb = await startDynamoDbLocal();
  globalThis.__yilinDynamoDbLocal = dynamoDb;
  process.env[ENDPOINT_VARIABLE] = dynamoDb.endpoint;
}
