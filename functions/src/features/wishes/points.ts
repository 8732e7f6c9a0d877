import { ulid } from 'ulid';
import type { AdjustPointsInput, GrantPointsInput, LeaderboardResponse, PointsView } from '@yilin/contract';
import { businessDate, clock, epochSeconds, isoNow } from '../../platform/clock';
import { conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { recordAudit, subjectOf } from '../../store/audit';
import { callerClaim, earlierResult, rememberRequest, type IdempotencyClaim } from '../../store/idempotency';
import { balanceOf, latestEntriesOf, move } from '../../store/ledger';
import { writeTogether } from '../../store/transactions';
import { actorOf } from '../people/actors';
import { communityName } from '../people/places';
import { pointsAccount, redemptionsOfHolder, scorePart, scoresOf } from './data';
import { loadHolderFor, type Holder } from './holders';
import { assertCommunityAccess } from './review';
import { pointsEntryView, redemptionView } from './views';

/** A person's points: what they hold and why, points for hours and corrections, the month's leaderboard. */

const ENTRIES_SHOWN = 100;

export async function pointsViewOf(holder: Holder): Promise<PointsView> {
  const [balance, entries, redemptions, name] = await Promise.all([
    balanceOf(pointsAccount(holder.holderId)),
    latestEntriesOf(pointsAccount(holder.holderId), ENTRIES_SHOWN),
    redemptionsOfHolder(holder.holderId),
    communityName(holder.communityId),
  ]);
  return {
    holderId: holder.holderId,
    holderName: holder.name,
    kind: holder.kind,
    communityId: holder.communityId,
    communityName: name,
    balance,
    entries: entries.map(pointsEntryView),
    redemptions: redemptions.map(redemptionView),
  };
}

export async function points(session: Session, holderId: string): Promise<PointsView> {
  return pointsViewOf(await loadHolderFor(session, holderId, 'points.read'));
}

const month = () => businessDate().slice(0, 7);

interface PointsMove {
  kind: 'hours' | 'adjust';
  amount: number;
  note: string;
  claim: IdempotencyClaim;
  /** On the month's leaderboard. */
  scored: boolean;
}

/** One movement by a worker: the entry, the balance (never below zero), the leaderboard, the request and its event. */
async function moveBy(session: Session, holder: Holder, change: PointsMove): Promise<PointsView> {
  const earlier = await earlierResult(change.claim);
  if (earlier) return pointsViewOf(holder);
  const at = isoNow();
  const entryId = ulid();
  const movement = move({ account: pointsAccount(holder.holderId), entryId, amount: change.amount, reason: change.note, ref: `${change.kind}#${entryId}`, at });
  const by = await actorOf(session);
  const outcome = await writeTogether({
    entry: movement.entry,
    balance: movement.balance,
    score:
      change.scored && holder.kind === 'volunteer'
        ? scorePart({ communityId: holder.communityId, month: month(), holderId: holder.holderId, name: holder.name, partyMember: holder.partyMember, points: change.amount })
        : undefined,
    request: rememberRequest(change.claim, entryId, epochSeconds(clock.now())),
    audit: recordAudit({
      subject: subjectOf('points', holder.holderId),
      concerns: holder.holderId,
      action: `points.${change.kind}`,
      by,
      at,
      changes: [{ field: 'points', after: String(change.amount) }, { field: 'reason', after: change.note }],
    }),
  });
  if (!outcome.written) {
    if (outcome.failed.includes('request')) return pointsViewOf(holder);
    const balance = await balanceOf(pointsAccount(holder.holderId));
    throw conflict('POINTS_NOT_ENOUGH', `${holder.name}现在只有 ${balance} 分，不能减去 ${-change.amount} 分。`, { balance });
  }
  return pointsViewOf(holder);
}

const claimOf = (session: Session, holderId: string, key: string, request: unknown[]): IdempotencyClaim => callerClaim(session.userId, key, [holderId, ...request]);

/** Points for volunteer hours a worker recorded, with what the hours were. */
export async function grant(session: Session, holderId: string, input: GrantPointsInput): Promise<PointsView> {
  const holder = await loadHolderFor(session, holderId, 'points.grant');
  return moveBy(session, holder, {
    kind: 'hours',
    amount: input.points,
    note: `${input.reason}（${input.hours} 小时）`,
    claim: claimOf(session, holderId, input.idempotencyKey, ['points.grant', input.hours, input.points, input.reason]),
    scored: true,
  });
}

/** A correction up or down, with its reason; the balance never goes below zero. */
export async function adjust(session: Session, holderId: string, input: AdjustPointsInput): Promise<PointsView> {
  const holder = await loadHolderFor(session, holderId, 'points.grant');
  return moveBy(session, holder, {
    kind: 'adjust',
    amount: input.points,
    note: input.reason,
    claim: claimOf(session, holderId, input.idempotencyKey, ['points.adjust', input.points, input.reason]),
    // A correction of the month's points (a grant made twice) corrects the leaderboard too.
    scored: true,
  });
}

/** The month's points earned in a community, highest first; those with equal points share a rank. */
export async function leaderboard(session: Session, communityId: string, asked: string | undefined): Promise<LeaderboardResponse> {
  await assertCommunityAccess(session, communityId, 'community.wall');
  const which = asked ?? month();
  const [scores, name] = await Promise.all([scoresOf(communityId, which), communityName(communityId)]);
  const sorted = scores.filter((score) => score.points > 0).sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh'));
  const rows: LeaderboardResponse['rows'] = [];
  sorted.forEach((score, index) => {
    const rank = index > 0 && sorted[index - 1].points === score.points ? rows[index - 1].rank : index + 1;
    rows.push({ rank, name: score.name, points: score.points, partyMember: score.partyMember, ...(score.holderId === session.userId ? { you: true as const } : {}) });
  });
  return { communityId, communityName: name, month: which, rows };
}
