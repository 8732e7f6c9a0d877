import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * The floor of a cold start: a function that only loads the DynamoDB client and reads one item, built
 * with the same esbuild options as every project function. Nothing a real function does can be cheaper.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'cn-north-1',
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

export const handler = async () => {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: 'bench$floor' }, sk: { S: 'bench$floor' } } }),
  );
  return { statusCode: 200, body: JSON.stringify({ found: Boolean(Item) }) };
};
