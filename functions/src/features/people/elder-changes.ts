import { getElder, moveElderAtomically, setElderStatusAtomically } from './data/elders';
import { actorOf } from './actors';
import { assertContactsKept, elderDetail, isOnRegister, loadElderFor } from './elders';
import type { ElderItem } from './entities';
import type { Change } from '../../platform/stream';
import { communityInfo } from './places';
import { elderProfileView } from './views';
import { isoNow } from '../../platform/clock';
import { conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { ElderDetailResponse, ElderStatusInput, MoveElderInput } from '@yilin/contract';

const changedMeanwhile = () => conflict('PROFILE_CHANGED', '这位长辈的资料刚被别人改过，请刷新后再试。');

/**
 * Moves an elder to another community of the same county. The worker of the community the elder leaves
 * (or the county admin) does it; from then on the new community's workers look after the elder and the
 * old one's no longer reach them. Orders and standing orders follow through the change stream.
 */
export async function moveElder(session: Session, elderId: string, { communityId }: MoveElderInput): Promise<ElderDetailResponse> {
  const { elder } = await loadElderFor(session, elderId, 'elder.move');
  const [from, to] = await Promise.all([communityInfo(elder.communityId), communityInfo(communityId)]);
  // A community of another county is no more known here than one that does not exist.
  if (!to || !from || to.countyId !== from.countyId) throw notFound('COMMUNITY_NOT_FOUND', '没有找到要迁入的社区，请从本县的社区里选择。');
  if (communityId === elder.communityId) throw conflict('SAME_COMMUNITY', '这位长辈已经在这个社区了。');
  const outcome = await moveElderAtomically(elder, { communityId, centreId: to.centreId, countyId: to.countyId }, await actorOf(session), isoNow());
  if (outcome === 'stale') throw changedMeanwhile();
  // The worker who handed the elder over no longer reaches them: the answer is the profile at the new place.
  return { elder: elderProfileView({ ...elder, communityId, centreId: to.centreId }, to.name) };
}

/**
 * An elder died or moved away from the county, or is back on the register. Every record stays; the
 * canteen stops standing orders and cancels open orders from today on when it hears of it.
 */
export async function setElderStatus(session: Session, elderId: string, { status, note }: ElderStatusInput): Promise<ElderDetailResponse> {
  const { elder, access } = await loadElderFor(session, elderId, 'elder.setStatus');
  if ((elder.status ?? 'active') === status) return elderDetail(elder, access);
  if (elder.status === 'closed') throw conflict('ELDER_CLOSED', '这位长辈的账户已经注销，资料不能再改回在册；如果要重新服务，请重新建档。');
  assertContactsKept(elder);
  const at = isoNow();
  const outcome = await setElderStatusAtomically(elder, status, note, await actorOf(session), at);
  if (outcome === 'stale') throw changedMeanwhile();
  return elderDetail({ ...elder, status, statusChangedAt: at, updatedAt: at }, access);
}

export interface RegisterChange {
  /** The elder as stored now, read again: what other features act on. */
  elder: ElderItem;
  /** Moved to another community. */
  moved: boolean;
  /** Left the register (died, moved away) and is still off it. */
  left: boolean;
}

/**
 * What a change record of an elder means for the features that follow the register (the canteen, home
 * visits): a move and/or leaving it, with the elder read again, so a record delivered twice, late or out
 * of order (a replayed 已故 after the elder was put back on the register) changes nothing it should not.
 */
export async function registerChangeOf(change: Change): Promise<RegisterChange | undefined> {
  if (change.kind !== 'MODIFY' || !change.before || !change.after) return undefined;
  const before = change.before as Partial<ElderItem>;
  const after = change.after as ElderItem;
  const moved = before.communityId !== after.communityId;
  const left = isOnRegister(before) && !isOnRegister(after);
  if (!moved && !left) return undefined;
  const elder = await getElder(after.elderId);
  if (!elder) return undefined;
  return { elder, moved, left: left && !isOnRegister(elder) };
}
