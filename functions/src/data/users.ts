import { ulid } from 'ulid';
import { isoNow } from '../lib/clock';
import type { Role } from '../routes';
import { User, WechatIdentity, type UserItem } from './entities';
import { data } from './service';

export async function getUser(userId: string): Promise<UserItem | undefined> {
  const { data: user } = await User.get({ userId }).go();
  return user ?? undefined;
}

export async function findUserByOpenid(openid: string): Promise<UserItem | undefined> {
  const { data: identity } = await WechatIdentity.get({ openid }).go();
  return identity ? getUser(identity.userId) : undefined;
}

/**
 * Creates the user and its WeChat identity in one transaction. If two sign-ins of the same new
 * person race, the identity's guard lets only one through and the other reads the winner.
 */
export async function createWechatUser(openid: string, role: Role, name: string): Promise<UserItem> {
  const now = isoNow();
  const user: UserItem = { userId: ulid(), role, name, openid, createdAt: now };
  const result = await data.transaction
    .write(({ User: users, WechatIdentity: identities }) => [
      users.create(user).commit(),
      identities.create({ openid, userId: user.userId, createdAt: now }).commit(),
    ])
    .go();
  if (result.canceled) {
    const winner = await findUserByOpenid(openid);
    if (winner) return winner;
    throw new Error('WeChat user creation was cancelled and no user exists');
  }
  return user;
}
