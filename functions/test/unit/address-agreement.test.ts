import { addressAgreementOf } from '../../src/features/wishes/rules/address';

/**
 * A wish brought to the elder's home tells its claimer her address, so she must agree: choosing it herself is
 * her agreement; a relative or a worker posting for her must confirm she agreed. At the centre nobody learns it.
 */
describe('who agrees to give the elder’s address', () => {
  test('a wish handed over at the centre needs no agreement, whoever posts it and whatever they tick', () => {
    for (const byElder of [true, false]) {
      for (const confirmed of [true, false, undefined]) expect(addressAgreementOf('centre', byElder, confirmed)).toBe('not-needed');
    }
  });

  test('the elder choosing 送到家里 herself is her own agreement, with or without the box', () => {
    for (const confirmed of [true, false, undefined]) expect(addressAgreementOf('home', true, confirmed)).toBe('her-own');
  });

  test('someone posting for her agrees on her behalf only by confirming it; anything else is missing', () => {
    expect(addressAgreementOf('home', false, true)).toBe('on-her-behalf');
    expect(addressAgreementOf('home', false, false)).toBe('missing');
    expect(addressAgreementOf('home', false, undefined)).toBe('missing');
  });
});
