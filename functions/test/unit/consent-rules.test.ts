import { PRIVACY_NOTICE_VERSION } from '@yilin/contract';
import { isNoticeInForce, measurementsRefused } from '../../src/features/consent/rules';

describe('what a missing health-data consent refuses', () => {
  test('a record with measurements is refused when the elder never answered', () => {
    expect(measurementsRefused(true, undefined)).toBe(true);
  });
  test('a record with measurements is refused when the consent was withdrawn', () => {
    expect(measurementsRefused(true, { given: false })).toBe(true);
  });
  test('a record with measurements is kept while the consent stands', () => {
    expect(measurementsRefused(true, { given: true })).toBe(false);
  });
  test('notes and the checklist without measurements are never refused', () => {
    expect(measurementsRefused(false, undefined)).toBe(false);
    expect(measurementsRefused(false, { given: false })).toBe(false);
  });
});

describe('only the privacy notice in force can be accepted', () => {
  test('the version in force is accepted, an older or unknown one is not', () => {
    expect(isNoticeInForce(PRIVACY_NOTICE_VERSION)).toBe(true);
    expect(isNoticeInForce('2026-11-30')).toBe(false);
    expect(isNoticeInForce('2099-01-01')).toBe(false);
  });
});
