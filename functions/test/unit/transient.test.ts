import { isTransientDataError } from '../../src/platform/transient';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('isTransientDataError: failures a retry may cure become 503, everything else stays an error', () => {
  test.each(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError', 'TimeoutError'])(
    'a %s is transient',
    (name) => {
      expect(isTransientDataError(named(name))).toBe(true);
    },
  );

  test.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('a network failure %s is transient', (code) => {
    expect(isTransientDataError(Object.assign(new Error('socket'), { code }))).toBe(true);
  });

  test('an error the SDK marks retryable is transient', () => {
    expect(isTransientDataError(Object.assign(new Error('x'), { $retryable: { throttling: false } }))).toBe(true);
  });

  test('a transient cause wrapped by the data library is found', () => {
    const wrapped = new Error('Error thrown by DynamoDB client', { cause: named('ThrottlingException') });
    const twice = new Error('outer', { cause: wrapped });
    expect(isTransientDataError(twice)).toBe(true);
    expect(isTransientDataError(Object.assign(new Error('electro'), { originalError: named('RequestTimeout') }))).toBe(true);
  });

  test.each([
    ['a failed condition', named('ConditionalCheckFailedException')],
    ['a validation error', named('ValidationException')],
    ['a missing table', named('ResourceNotFoundException')],
    ['a programming error', new TypeError('x is undefined')],
    ['a non-error value', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is not transient', (_, error) => {
    expect(isTransientDataError(error)).toBe(false);
  });

  test('a cause chain that loops does not hang', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isTransientDataError(a)).toBe(false);
  });
});
