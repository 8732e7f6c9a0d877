import { may, relationTo, type Action, type Relation } from '../../access/policy';
import { notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { getBinding } from '../people/data/bindings';
import { getElder } from '../people/data/elders';
import { getVolunteer } from '../people/data/volunteers';
import type { BindingItem } from '../people/entities';
import { communityInfo } from '../people/places';

/**
 * Whose points: a volunteer's own, or an elder's (where the community lets elders redeem, or a worker gave
 * them points). Each belongs to a community, which keeps its store and its leaderboard.
 */
export interface Holder {
  holderId: string;
  name: string;
  kind: 'volunteer' | 'elder';
  communityId: string;
  centreId: string;
  countyId: string;
  partyMember: boolean;
  access: Relation;
  binding?: BindingItem;
}

export const holderNotFound = () => notFound('POINTS_HOLDER_NOT_FOUND', '没有找到这个人的积分。');

export async function loadHolderFor(session: Session, holderId: string, action: Action): Promise<Holder> {
  const [volunteer, elder, binding] = await Promise.all([
    getVolunteer(holderId),
    getElder(holderId),
    session.role === 'family' ? getBinding(holderId, session.userId) : Promise.resolve(undefined),
  ]);
  let holder: Omit<Holder, 'access' | 'binding'>;
  let access: Relation;
  if (volunteer) {
    holder = { holderId, name: volunteer.name, kind: 'volunteer', communityId: volunteer.communityId, centreId: volunteer.centreId, countyId: volunteer.countyId, partyMember: volunteer.partyMember };
    access = relationTo(session, { volunteerId: holderId, communityId: volunteer.communityId, centreId: volunteer.centreId, countyId: volunteer.countyId }, false);
  } else if (elder) {
    const countyId = (await communityInfo(elder.communityId))?.countyId ?? '';
    holder = { holderId, name: elder.name, kind: 'elder', communityId: elder.communityId, centreId: elder.centreId, countyId, partyMember: false };
    access = relationTo(session, { elderId: holderId, communityId: elder.communityId, centreId: elder.centreId, countyId }, binding !== undefined);
  } else {
    throw holderNotFound();
  }
  if (!may(action, access)) throw holderNotFound();
  return { ...holder, access, ...(binding ? { binding } : {}) };
}
