import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../platform/config';

/**
 * One DynamoDB client per container, created at module scope so warm invocations reuse connections.
 * Locally it points at DynamoDB Local with placeholder credentials. Retries are few and the request
 * timeout short (config.dynamoRequestTimeoutMs), so a struggling table turns into a quick 503 rather
 * than a Lambda timeout.
 */
const endpoint = config.dynamoEndpoint;
const requestTimeout = config.dynamoRequestTimeoutMs;
// DynamoDB accepts a connection in milliseconds; DynamoDB Local, one Java process on two shared cores, can pause
// for a few seconds (a CI run once failed to connect within 1 s three times in a row).
const connectionTimeout = endpoint ? 5000 : 1000;

export const dynamoClient = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'cn-north-1',
  maxAttempts: 3,
  requestHandler: { requestTimeout, connectionTimeout, throwOnRequestTimeout: true },
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
