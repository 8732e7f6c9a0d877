import { setClock } from '../../src/platform/clock';
import { issueSessionToken } from '../../src/platform/session-token';
import { User, WechatIdentity } from '../../src/features/people/entities';
import { errorCode, tokenFor, useApi, type ApiResponse } from '../support/api';
import { createWorld, tableItems, uniqueId } from '../support/seed';

/**
 * A closed account's tokens are told the account is closed (401 ACCOUNT_CLOSED), for a week: the closing asked
 * again after its answer was lost (the mini-program takes that as done), and a request from another phone.
 * A token of an account never known, or closed longer ago, stays simply invalid (401 SESSION_INVALID).
 */

const api = useApi();

const CLOSED = [401, 'ACCOUNT_CLOSED', '您的账户已经注销。'];
const INVALID = [401, 'SESSION_INVALID', '登录状态无效，请重新登录。'];
const refusal = (response: ApiResponse) => [response.status, errorCode(response), response.body?.error?.message];

/** A relative signed in with WeChat (the openid on the account and its identity item), as closing finds them. */
async function relativeWithWechat() {
  const { family } = await createWorld();
  const openid = uniqueId('openid');
  await User.patch({ userId: family.userId }).set({ openid }).go();
  await WechatIdentity.put({ openid, userId: family.userId, createdAt: '2026-11-01T00:00:00.000Z' }).go();
  return { ...family, openid };
}

const closedNotes = async () => (await tableItems()).filter((item) => item.__edb_e__ === 'closedAccount');

describe('a closed account is told it was closed', () => {
  test('closing asked again with the same token, and any other request with it, answers 401 ACCOUNT_CLOSED', async () => {
    setClock('2026-12-01T02:00:00.000Z');
    const relative = await relativeWithWechat();
    const token = await tokenFor(relative.userId);
    const closed = await api.as(token).post('/me/close', { confirm: true });
    expect(closed.status).toBe(200);

    // The answer was lost on the way: the phone asks again, with the same token, a little later (long enough
    // after the sign-in that the account's read is kept for the minute).
    setClock('2026-12-01T02:00:20.000Z');
    expect(refusal(await api.as(token).post('/me/close', { confirm: true }))).toEqual(CLOSED);
    // Any other request with the token (another phone of the same person), answered from that kept read.
    expect(refusal(await api.as(token).get('/me'))).toEqual(CLOSED);
  });

  test('the note of the closing holds the account id and the time only: no name, phone or WeChat openid', async () => {
    const relative = await relativeWithWechat();
    expect((await api.as(relative.userId).post('/me/close', { confirm: true })).status).toBe(200);
    const notes = (await closedNotes()).filter((item) => item.userId === relative.userId);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(Object.keys(note!).sort()).toEqual(['__edb_e__', '__edb_v__', 'closedAt', 'expiresAt', 'pk', 'sk', 'userId']);
    expect(JSON.stringify(note)).not.toContain(relative.name);
    expect(JSON.stringify(note)).not.toContain(relative.openid);
    // Kept a week, by the table's TTL.
    expect(note!.expiresAt).toBe(Math.floor(Date.parse(String(note!.closedAt)) / 1000) + 7 * 24 * 60 * 60);
  });

  test('a token of an account that never existed answers 401 SESSION_INVALID', async () => {
    const { token } = await issueSessionToken({ userId: uniqueId('family'), role: 'family' });
    expect(refusal(await api.as(token).get('/me'))).toEqual(INVALID);
    expect(refusal(await api.as(token).post('/me/close', { confirm: true }))).toEqual(INVALID);
  });

  test('a week after the closing, a token of the account is simply invalid again (the note expired, even before TTL deletes it)', async () => {
    setClock('2026-12-01T02:00:00.000Z');
    const relative = await relativeWithWechat();
    expect((await api.as(relative.userId).post('/me/close', { confirm: true })).status).toBe(200);

    setClock('2026-12-08T01:59:00.000Z');
    const { token: withinTheWeek } = await issueSessionToken({ userId: relative.userId, role: 'family' });
    expect(refusal(await api.as(withinTheWeek).get('/me'))).toEqual(CLOSED);

    // Past the cached minute and past the week: the note is still in the table, but no longer honoured.
    setClock('2026-12-08T02:00:01.000Z');
    const { token: afterTheWeek } = await issueSessionToken({ userId: relative.userId, role: 'family' });
    expect((await closedNotes()).some((item) => item.userId === relative.userId)).toBe(true);
    expect(refusal(await api.as(afterTheWeek).get('/me'))).toEqual(INVALID);
  });
});
