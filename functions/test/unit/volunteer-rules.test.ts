import { mayMarkPartyMember, mayServeAsVolunteer } from '../../src/features/people/rules/volunteer';

test('only a volunteer the community has confirmed serves; a pending sign-up or none at all does not', () => {
  expect(mayServeAsVolunteer({ status: 'confirmed' })).toBe(true);
  expect(mayServeAsVolunteer({ status: 'pending' })).toBe(false);
  expect(mayServeAsVolunteer(undefined)).toBe(false);
});

test('a party member is marked only on a confirmed volunteer', () => {
  expect(mayMarkPartyMember({ status: 'confirmed' })).toBe(true);
  expect(mayMarkPartyMember({ status: 'pending' })).toBe(false);
});
