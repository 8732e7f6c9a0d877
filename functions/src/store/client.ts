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

export const dynamoClient = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'cn-north-1',
  maxAttempts: 3,
  requestHandler: { requestTimeout, connectionTimeout: 1000, throwOnRequestTimeout: true },
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
