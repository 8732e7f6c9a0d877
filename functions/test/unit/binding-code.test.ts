import fc from 'fast-check';
import { BINDING_CODE_TTL_SECONDS, CODE_ATTEMPTS, bindingCodeFrom, redeemProblem } from '../../src/features/people/rules/one-time-code';

describe('bindingCodeFrom: every invitation code has exactly 6 digits', () => {
  test('small numbers keep their leading zeros', () => {
    expect(bindingCodeFrom(0)).toBe('000000');
    expect(bindingCodeFrom(42)).toBe('000042');
    expect(bindingCodeFrom(999_999)).toBe('999999');
  });

  test('numbers of a million or more wrap around instead of growing a seventh digit', () => {
    expect(bindingCodeFrom(1_000_000)).toBe('000000');
    expect(bindingCodeFrom(1_234_567)).toBe('234567');
  });

  test('any integer, negative or fractional input included, gives 6 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ min: -1e12, max: 1e12, noNaN: true })), (n) => {
        expect(bindingCodeFrom(n)).toMatch(/^\d{6}$/);
      }),
    );
  });

  test('the drawing range 0..999999 maps one-to-one onto codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        expect(Number(bindingCodeFrom(n))).toBe(n);
      }),
    );
  });
});

describe('redeemProblem: when a relative may not use a code', () => {
  const now = 1_780_000_000;
  const fresh = { elderId: 'elder-wang', expiresAt: now + BINDING_CODE_TTL_SECONDS };

  test('codes are valid for 24 hours', () => {
    expect(BINDING_CODE_TTL_SECONDS).toBe(86_400);
  });

  test('a fresh, unused code of another person is fine', () => {
    expect(redeemProblem(fresh, 'family-chen', now)).toBeUndefined();
  });

  test('a code that does not exist is unknown', () => {
    expect(redeemProblem(undefined, 'family-chen', now)).toBe('unknown');
  });

  test('a used code is refused as used, even by the person who used it', () => {
    expect(redeemProblem({ ...fresh, usedBy: 'family-wang' }, 'family-chen', now)).toBe('used');
    expect(redeemProblem({ ...fresh, usedBy: 'family-chen' }, 'family-chen', now)).toBe('used');
  });

  test('a code is expired from the second of its expiry on, not before', () => {
    expect(redeemProblem({ ...fresh, expiresAt: now + 1 }, 'family-chen', now)).toBeUndefined();
    expect(redeemProblem({ ...fresh, expiresAt: now }, 'family-chen', now)).toBe('expired');
    expect(redeemProblem({ ...fresh, expiresAt: now - 1 }, 'family-chen', now)).toBe('expired');
  });

  test('a used code that has also expired is reported as used', () => {
    expect(redeemProblem({ ...fresh, expiresAt: now - 1, usedBy: 'family-wang' }, 'family-chen', now)).toBe('used');
  });

  test('nobody binds to themself', () => {
    expect(redeemProblem(fresh, 'elder-wang', now)).toBe('own-code');
  });

  test('a code of the other kind is unknown, exactly like a code that does not exist', () => {
    const claim = { ...fresh, purpose: 'claim' as const };
    expect(redeemProblem(claim, 'family-chen', now, 'family')).toBe('unknown');
    expect(redeemProblem(fresh, 'family-chen', now, 'claim')).toBe('unknown');
    // Even a used or expired code of the other kind says nothing about itself.
    expect(redeemProblem({ ...claim, usedBy: 'x', expiresAt: now - 1 }, 'family-chen', now, 'family')).toBe('unknown');
  });

  test('a code that is no longer the elder’s live code (replaced or revoked) is refused as revoked', () => {
    expect(redeemProblem(fresh, 'family-chen', now, 'family', false)).toBe('revoked');
    expect(redeemProblem({ ...fresh, usedBy: 'family-wang' }, 'family-chen', now, 'family', false)).toBe('used');
  });
});

describe('CODE_ATTEMPTS: guessing a code is hopeless, a person who mistypes gets in', () => {
  test('a handful of tries per quarter of an hour', () => {
    expect(CODE_ATTEMPTS.limit).toBeLessThanOrEqual(5);
    expect(CODE_ATTEMPTS.windowSeconds).toBeGreaterThanOrEqual(15 * 60);
  });

  test('with 100 live codes among a million, a day of guessing at the limit finds one with probability below 5%', () => {
    const triesPerDay = ((24 * 60 * 60) / CODE_ATTEMPTS.windowSeconds) * CODE_ATTEMPTS.limit;
    expect(1 - (1 - 100 / 1_000_000) ** triesPerDay).toBeLessThan(0.05);
  });
});
