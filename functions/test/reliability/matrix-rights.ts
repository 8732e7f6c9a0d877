import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../src/store/client';
import { getElder } from '../../src/features/people/data/elders';
import { getUser } from '../../src/features/people/data/users';
import { Elder, User } from '../../src/features/people/entities';
import { tableItems } from '../support/seed';
import type { Cell, RouteSpec } from './matrix-spec';
import { NOW } from './world';

/**
 * The authorisation matrix of personal information rights (merged into matrix-spec.ts). Everyone may read a
 * copy of their own data. Closing one's account is the person's own act: a relative's or a volunteer's
 * closes (or, for a volunteer with a wish in hand, is refused until it is finished), anyone else is sent to
 * the community or the admin (409); so both answers count as the route letting the caller in, and the
 * integration tests hold each answer. A closing really happens in the matrix's world: the actor's items are
 * kept before and put back after, so the cells after it find the world as it was. An elder's closing is the
 * worker's, on the elder scope; where it is allowed a fresh elder of the same community is closed instead of
 * the world's, and where it is refused the target must stay on the register.
 */

const saved = new Map<string, Record<string, unknown>[]>();
const closesThemselves = (cell: Cell) => cell.actor === 'family' || cell.actor === 'volunteer';

/** Every item that names the person (by id or by name): what a closing deletes or rewrites. */
async function itemsNaming(userId: string): Promise<Record<string, unknown>[]> {
  const name = (await getUser(userId))?.name;
  return (await tableItems()).filter((item) => {
    const text = JSON.stringify(item);
    return text.includes(userId) || (name !== undefined && text.includes(name));
  });
}

async function putBack(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    const { UnprocessedItems } = await documentClient.send(new BatchWriteCommand({ RequestItems: { [process.env.TABLE_NAME!]: batch } }));
    if (Object.keys(UnprocessedItems ?? {}).length > 0) throw new Error('the world could not be put back after a closing');
  }
}

/** A fresh elder in the target's community, for a closing the matrix lets happen. */
async function spareElderBeside(targetElderId: string): Promise<string> {
  const target = await getElder(targetElderId);
  if (!target) throw new Error(`No elder ${targetElderId}`);
  const elderId = `rel-closing-${Math.random().toString(36).slice(2, 10)}`;
  await Elder.put({ ...target, elderId, name: '矩阵注销长辈', createdAt: NOW, updatedAt: NOW }).go();
  await User.put({ userId: elderId, role: 'elder', name: '矩阵注销长辈', communityId: target.communityId, createdAt: NOW }).go();
  return elderId;
}

const mayClose = (cell: Cell) => cell.actor === 'worker' && (cell.case === 'own' || cell.case === 'other-elder');

export const rightsMatrix: Record<string, RouteSpec> = {
  'rights/data-copy': { scope: 'none', success: [200], plan: async () => ({ method: 'GET', path: '/me/data' }) },
  'rights/data-copy-xlsx': { scope: 'none', success: [200], plan: async () => ({ method: 'GET', path: '/me/data/xlsx' }) },
  'rights/close-account': {
    scope: 'none',
    success: [200, 409],
    plan: async (cell) => {
      if (cell.userId && closesThemselves(cell)) saved.set(cell.userId, await itemsNaming(cell.userId));
      return { method: 'POST', path: '/me/close', body: { confirm: true } };
    },
    cleanup: async (cell) => {
      const items = cell.userId ? saved.get(cell.userId) : undefined;
      if (!cell.userId || !items) return;
      saved.delete(cell.userId);
      // The relative's account really went (the world's volunteer may hold a wish, and be refused).
      if (cell.actor === 'family') expect({ closed: (await getUser(cell.userId)) === undefined }).toEqual({ closed: true });
      await putBack(items);
    },
  },
  'rights/close-elder': {
    scope: 'elder',
    success: [200],
    plan: async (cell) => {
      const elderId = mayClose(cell) ? await spareElderBeside(cell.target.elderId) : cell.target.elderId;
      return { method: 'POST', path: `/elders/${elderId}/close`, body: { note: '矩阵：本人申请' } };
    },
    // A refused closing leaves the world's elder on the register with every detail.
    cleanup: async (cell) => {
      if (mayClose(cell)) return;
      expect({ afterRefusal: (await getElder(cell.target.elderId))?.status ?? 'active' }).toEqual({ afterRefusal: 'active' });
      expect((await getElder(cell.target.elderId))?.phone).not.toBe('');
    },
  },
};
