import { AppError } from '../../src/platform/errors';
import { isConditionFailure, rethrowBadCursor } from '../../src/store/errors';

const named = (name: string, cause?: unknown) => Object.assign(new Error(name, { cause }), { name });

describe('rethrowBadCursor: a cursor the library refuses is the caller’s mistake (400), anything else is rethrown', () => {
  test('an unparsable cursor becomes 400 INVALID_CURSOR', () => {
    expect(() => rethrowBadCursor(new Error('Unable to parse cursor'))).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'INVALID_CURSOR', message: '翻页参数不对，请从第一页重新加载。' }),
    );
  });

  test('the library’s invalid-cursor error code 5003 becomes 400 INVALID_CURSOR', () => {
    expect(() => rethrowBadCursor(Object.assign(new Error('x'), { code: 5003 }))).toThrow(AppError);
  });

  test('an unrelated failure is rethrown unchanged', () => {
    const failure = named('ThrottlingException');
    expect(() => rethrowBadCursor(failure)).toThrow(failure);
  });
});

describe('isConditionFailure: a write refused by its condition, however deeply wrapped', () => {
  test('found directly and through causes', () => {
    expect(isConditionFailure(named('ConditionalCheckFailedException'))).toBe(true);
    expect(isConditionFailure(new Error('electro', { cause: named('ConditionalCheckFailedException') }))).toBe(true);
  });

  test('other failures are not condition failures', () => {
    expect(isConditionFailure(named('TransactionCanceledException'))).toBe(false);
    expect(isConditionFailure(new Error('x', { cause: named('ValidationException') }))).toBe(false);
    expect(isConditionFailure(undefined)).toBe(false);
  });
});
