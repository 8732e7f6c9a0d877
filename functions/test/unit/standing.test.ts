import { refusalOf, rolesCheckedEachRequest, sessionStands } from '../../src/features/people/rules/standing';

/** Whether a session still stands: its role and place are the stored account's, and the account works here still. */
const worker = { role: 'worker' as const, communityId: 'comm-a', centreId: 'centre-a' };

test('a session stands while the account has the same role and place and is not retired', () => {
  expect(sessionStands(worker, { ...worker, status: 'active' })).toBe(true);
  // Accounts from before statuses were kept count as at work.
  expect(sessionStands(worker, { ...worker })).toBe(true);
});

test('a move to another community or centre, a change of role, retirement or a deleted account ends it', () => {
  expect(sessionStands(worker, { ...worker, communityId: 'comm-b' })).toBe(false);
  expect(sessionStands(worker, { ...worker, centreId: 'centre-b' })).toBe(false);
  expect(sessionStands(worker, { ...worker, role: 'staff', communityId: undefined })).toBe(false);
  expect(sessionStands(worker, { ...worker, status: 'retired' })).toBe(false);
  expect(sessionStands(worker, undefined)).toBe(false);
});

test('an account stored without its centre is judged by its community (the token’s centre came from it)', () => {
  expect(sessionStands(worker, { role: 'worker', communityId: 'comm-a' })).toBe(true);
  expect(sessionStands(worker, { role: 'worker', communityId: 'comm-b' })).toBe(false);
});

test('a staff member stands at their centre, with no community', () => {
  const staff = { role: 'staff' as const, centreId: 'centre-a' };
  expect(sessionStands(staff, { ...staff, status: 'active' })).toBe(true);
  expect(sessionStands(staff, { ...staff, centreId: 'centre-b' })).toBe(false);
});

test('the place of workers, service staff and admins is compared on each request; of elders, relatives and volunteers only the account', () => {
  expect([...rolesCheckedEachRequest].sort()).toEqual(['admin', 'staff', 'worker']);
});

test('a relative, volunteer or elder stands while their account exists as the same kind; a closed account or a changed kind ends it', () => {
  const relative = { role: 'family' as const };
  expect(sessionStands(relative, { role: 'family' })).toBe(true);
  // A relative has no place: whatever the stored account says of one is not compared.
  expect(sessionStands({ role: 'volunteer', communityId: 'c1' }, { role: 'volunteer', communityId: 'c2' })).toBe(true);
  expect(sessionStands(relative, undefined)).toBe(false);
  expect(sessionStands(relative, { role: 'volunteer' })).toBe(false);
  expect(sessionStands({ role: 'elder' }, { role: 'elder', sessionsValidFrom: 10 })).toBe(true);
  expect(sessionStands({ role: 'elder', issuedAt: 5 }, { role: 'elder', sessionsValidFrom: 10 })).toBe(false);
});

test('a session issued before the account said earlier sessions end (a new phone, a move) no longer stands; one issued after does', () => {
  const stored = { role: 'worker' as const, communityId: 'c1', centreId: 'k1', status: 'active' as const, sessionsValidFrom: 1_000 };
  expect(sessionStands({ role: 'worker', communityId: 'c1', centreId: 'k1', issuedAt: 999 }, stored)).toBe(false);
  expect(sessionStands({ role: 'worker', communityId: 'c1', centreId: 'k1', issuedAt: 1_000 }, stored)).toBe(true);
  expect(sessionStands({ role: 'worker', communityId: 'c1', centreId: 'k1' }, stored)).toBe(true);
});

test('a refused session is told why: a post changed, an account changed kind, closed lately, or never known', () => {
  const said = (refusal: { code: string; message: string }) => [refusal.code, refusal.message];
  expect(said(refusalOf('family', undefined, true))).toEqual(['ACCOUNT_CLOSED', '您的账户已经注销。']);
  expect(said(refusalOf('volunteer', undefined, true))).toEqual(['ACCOUNT_CLOSED', '您的账户已经注销。']);
  // No note of a closing (never an account, or closed more than a week ago): the session is simply invalid.
  expect(said(refusalOf('family', undefined, false))).toEqual(['SESSION_INVALID', '登录状态无效，请重新登录。']);
  expect(said(refusalOf('family', { role: 'volunteer' }, false))).toEqual(['SESSION_REVOKED', '您的账户有变动，请重新登录。']);
  expect(said(refusalOf('worker', undefined, false))).toEqual(['SESSION_REVOKED', '您的岗位有变动，请重新登录。']);
});
