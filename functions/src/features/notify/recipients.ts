import { Binding, User, type UserItem } from '../people/entities';
import { StaffPost } from '../people/data/staff';
import { logger } from '../../platform/logger';
import { count } from '../../platform/metrics';
import type { Audience } from './rules/notices';

/**
 * The people a notice reaches, as user accounts (their names, and their WeChat openid if they signed in
 * with WeChat). An elder registered by a worker has an account too; a retired worker's is skipped.
 */
export async function recipientsOf(audience: Audience): Promise<UserItem[]> {
  const users = await usersOf(await userIdsOf(audience));
  return users.filter((user) => user.status !== 'retired');
}

async function userIdsOf(audience: Audience): Promise<string[]> {
  switch (audience.kind) {
    case 'person':
      return [audience.userId];
    case 'elderSide': {
      const { data: bindings } = await Binding.query.byElder({ elderId: audience.elderId }).go({ pages: 'all' });
      return [audience.elderId, ...bindings.map((binding) => binding.familyId)].filter((userId) => userId !== audience.except);
    }
    case 'communityWorkers':
    case 'centreWorkers': {
      const { data: posts } = await StaffPost.query.byCentre({ centreId: audience.centreId }).go({ pages: 'all' });
      return posts
        .filter((post) => post.role === 'worker' && post.status !== 'retired')
        .filter((post) => audience.kind === 'centreWorkers' || post.communityId === audience.communityId)
        .map((post) => post.userId);
    }
    case 'countyAdmins': {
      const { data: admins } = await User.query.countyAdmins({ adminOf: audience.countyId }).go({ pages: 'all' });
      // A county whose admins carry no adminOf would hear of nothing: say so loudly (an alarm counts these).
      if (admins.length === 0) {
        count('AlertUnreached');
        logger.error('a county has no admin to tell', { countyId: audience.countyId });
      }
      return admins.map((admin) => admin.userId);
    }
  }
}

async function usersOf(userIds: string[]): Promise<UserItem[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const { data: users, unprocessed } = await User.get(unique.map((userId) => ({ userId }))).go();
  // A throttled batch leaves keys unread: failing makes the stream deliver the record again, rather than
  // someone silently never hearing of it (those already told are not told twice).
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} recipients could not be read; the record will be delivered again`);
  return users;
}
