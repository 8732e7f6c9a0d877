import { getCommunity } from './data/org';
import { nameWanted } from './views';
import { createWechatUser, existingUserIds, findUserByOpenid, getUser } from './data/users';
import type { UserItem } from './entities';
import { config } from '../../platform/config';
import { notFound } from '../../platform/errors';
import { issueSessionToken } from '../../platform/session-token';
import { code2Session } from '../../platform/wechat';
import { demoUsers } from '../../local/demo-data';
import { UNNAMED_USER, type DemoAccountsResponse, type SessionResponse } from '@yilin/contract';

/** A person new to the app starts as a family member: the usual first user is a relative setting up for a parent. */
const NEW_USER_ROLE = 'family' as const;

/** Our session for a stored user: role, community, centre and name travel in the token. */
export async function sessionFor(user: UserItem): Promise<SessionResponse> {
  const community = user.communityId && (!user.centreId || !user.countyId) ? await getCommunity(user.communityId) : undefined;
  const centreId = user.centreId ?? community?.centreId;
  const { token, expiresAt } = await issueSessionToken({
    userId: user.userId,
    role: user.role,
    communityId: user.communityId,
    centreId,
    countyId: user.countyId ?? community?.countyId,
    name: user.name,
  });
  return {
    token,
    expiresAt,
    user: {
      userId: user.userId,
      role: user.role,
      name: user.name,
      communityId: user.communityId,
      centreId,
      ...nameWanted(user),
    },
  };
}

export async function signInWithWechat(code: string): Promise<SessionResponse> {
  const { openid } = await code2Session(code);
  const user = (await findUserByOpenid(openid)) ?? (await createWechatUser(openid, NEW_USER_ROLE, UNNAMED_USER));
  return sessionFor(user);
}

const noDemo = () => notFound('ROUTE_NOT_FOUND', '没有这个功能。');

/** The seeded demo accounts still there (one closed in the app is no longer offered). */
export async function demoAccounts(): Promise<DemoAccountsResponse> {
  if (!config.isLocal) throw noDemo();
  const existing = await existingUserIds(demoUsers.map(({ userId }) => userId));
  return { accounts: demoUsers.filter(({ userId }) => existing.has(userId)).map(({ userId, role, name, description }) => ({ userId, role, name, description })) };
}

/** Signs in as a seeded demo account; refused on every stage but `local`. */
export async function signInAsDemo(userId: string): Promise<SessionResponse> {
  if (!config.isLocal) throw noDemo();
  const user = demoUsers.some((demo) => demo.userId === userId) ? await getUser(userId) : undefined;
  if (!user) throw notFound('DEMO_ACCOUNT_NOT_FOUND', '没有这个体验账号，请从列表里选择。');
  return sessionFor(user);
}
