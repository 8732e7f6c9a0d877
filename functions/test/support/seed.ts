import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../src/store/client';
import { Binding, BindingCode, Centre, Community, County, Elder, User, type ElderItem } from '../../src/features/people/entities';
import type { Role } from '../../src/routes';

/**
 * Builders that write straight through the entities, with fresh ids, so every test owns its data and
 * tests never depend on each other's order. `createWorld()` gives the usual cast in two communities.
 */
export const uniqueId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

const createdAt = '2026-01-05T02:00:00.000Z';

/** A community with its own centre, in a new county unless one is given. */
export async function createCommunity(name = '学院路社区', options: { countyId?: string } = {}) {
  const countyId = options.countyId ?? uniqueId('county');
  const centreId = uniqueId('centre');
  const communityId = uniqueId('comm');
  await Promise.all([
    options.countyId ? Promise.resolve() : County.put({ countyId, name: '示范县' }).go(),
    Centre.put({ centreId, countyId, name: '学院路街道综合养老服务中心' }).go(),
    Community.put({ communityId, centreId, countyId, name }).go(),
  ]);
  return { countyId, centreId, communityId, name };
}

/** A user; an admin belongs to a county (`countyId`), everyone else of a community to the community's. */
export async function createUser(role: Role, options: { communityId?: string; countyId?: string; name?: string; userId?: string } = {}) {
  const userId = options.userId ?? uniqueId(role);
  const user = { userId, role, name: options.name ?? `测试${role}`, communityId: options.communityId, countyId: options.countyId, ...(role === 'admin' ? { adminOf: options.countyId } : {}), createdAt };
  await User.put(user).go();
  return user;
}

export function elderFixture(elderId: string, community: { communityId: string; centreId: string }, overrides: Partial<ElderItem> = {}): ElderItem {
  return {
    elderId,
    name: '王秀英',
    birthDate: '1941-05-12',
    phone: '13807340001',
    address: '学院路 12 号 3 栋 101',
    communityId: community.communityId,
    centreId: community.centreId,
    subsidyCategoryRequested: 'dibao',
    mobilityLimited: false,
    status: 'active',
    dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '' },
    emergencyContacts: [{ name: '王磊', relation: '儿子', phone: '13907340009' }],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/** An elder is a user with the elder role and a profile under the same id. */
export async function createElder(community: { communityId: string; centreId: string }, overrides: Partial<ElderItem> = {}) {
  const elder = elderFixture(overrides.elderId ?? uniqueId('elder'), community, overrides);
  await Promise.all([
    User.put({ userId: elder.elderId, role: 'elder', name: elder.name, communityId: elder.communityId, createdAt }).go(),
    Elder.put(elder).go(),
  ]);
  return elder;
}

export async function bind(elderId: string, family: { userId: string; name: string }) {
  await Binding.put({ elderId, familyId: family.userId, familyName: family.name, boundAt: createdAt }).go();
}

/**
 * Two communities of one county, under two centres, with an elder each (one bound to a relative), workers
 * of both, the county's admin and an unbound relative.
 */
export async function createWorld() {
  const home = await createCommunity('学院路社区');
  const other = await createCommunity('东风社区', { countyId: home.countyId });
  const [elder, neighbour, elderElsewhere, family, otherFamily, worker, otherWorker, admin, volunteer] = await Promise.all([
    createElder(home, { name: '王秀英' }),
    createElder(home, { name: '李建国', birthDate: '1953-09-20', phone: '13807340002' }),
    createElder(other, { name: '赵德福', birthDate: '1964-02-14', phone: '13807340004' }),
    createUser('family', { name: '王磊' }),
    createUser('family', { name: '陈静' }),
    createUser('worker', { communityId: home.communityId, name: '刘晓燕' }),
    createUser('worker', { communityId: other.communityId, name: '陈志明' }),
    createUser('admin', { name: '周建国', countyId: home.countyId }),
    createUser('volunteer', { communityId: home.communityId, name: '刘洋' }),
  ]);
  await bind(elder.elderId, family);
  return { home, other, elder, neighbour, elderElsewhere, family, otherFamily, worker, otherWorker, admin, volunteer };
}

export async function storedElder(elderId: string) {
  return (await Elder.get({ elderId }).go()).data;
}

export async function storedBindingCode(code: string) {
  return (await BindingCode.get({ code }).go()).data;
}

export async function storedBinding(elderId: string, familyId: string) {
  return (await Binding.get({ elderId, familyId }).go()).data;
}

/** Every raw item of this file's table, in a stable order; for "nothing else changed" assertions. */
export async function tableItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

/** The table without the accounts' attempt windows: what a refused code must leave as it was. */
export async function tableItemsButAttempts(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((item) => item.__edb_e__ !== 'attemptWindow');
}
