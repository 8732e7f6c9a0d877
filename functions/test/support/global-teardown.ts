/** Stops the DynamoDB Local that global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__yilinDynamoDbLocal?.stop();
  globalThis.__yilinDynamoDbLocal = undefined;
}
