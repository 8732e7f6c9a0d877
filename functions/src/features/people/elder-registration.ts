import { ulid } from 'ulid';
import type { ElderDetailResponse, LikelyDuplicate, LikelyDuplicateDetails, RegisterElderInput } from '@yilin/contract';
import { ageOn, birthDateProblem } from './rules/age';
import { eldersNamed, getElder, identityVersion, registerElderAtomically, registeredElder } from './data/elders';
import { actorOf } from './actors';
import { elderDetail, registeringCommunity } from './elders';
import { communityName } from './places';
import { businessDate, clock, epochSeconds } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { callerKeySpace, earlierResult, fingerprintOf, type IdempotencyClaim } from '../../store/idempotency';

/**
 * The request's idempotency claim: the key in the worker's own key space, and everything the form says
 * (the confirmed non-duplicates aside: they only let the same record through).
 */
const claimOf = (session: Session, communityId: string, { idempotencyKey, notDuplicateOf: _confirmed, ...record }: RegisterElderInput): IdempotencyClaim => ({
  scope: callerKeySpace(session.userId),
  key: idempotencyKey,
  fingerprint: fingerprintOf(['elder.register', communityId, record]),
});

/** The elder an earlier request under this key registered, answered as it was then. */
async function replay(claim: IdempotencyClaim): Promise<ElderDetailResponse | undefined> {
  const elderId = await earlierResult(claim);
  if (!elderId) return undefined;
  const elder = await getElder(elderId);
  if (!elder) throw new Error('Idempotency record points at a missing elder');
  return elderDetail(elder, 'community-worker');
}

/** Elders of the county under the same name and birth date the worker has not said are other people. */
async function likelyDuplicates(countyId: string, input: RegisterElderInput, today: string): Promise<LikelyDuplicate[]> {
  const confirmed = new Set(input.notDuplicateOf ?? []);
  const found = (await eldersNamed(countyId, input.name, input.birthDate)).filter((match) => !confirmed.has(match.elderId));
  return Promise.all(
    found.map(async (match) => ({
      elderId: match.elderId,
      name: match.name,
      age: ageOn(match.birthDate, today),
      communityId: match.communityId,
      communityName: await communityName(match.communityId),
    })),
  );
}

/**
 * A worker registers an elder of their community (建档). The category the worker enters is the one they saw
 * proof of, so it is recorded as requested and verified, by them. A likely duplicate in the county is
 * shown first (409 LIKELY_DUPLICATE), never silently added; a retried form gives the same elder once.
 */
export async function registerElder(session: Session, communityId: string, input: RegisterElderInput): Promise<ElderDetailResponse> {
  const community = await registeringCommunity(session, communityId);
  const claim = claimOf(session, communityId, input);
  const earlier = await replay(claim);
  if (earlier) return earlier;

  const now = clock.now();
  const today = businessDate(now);
  const problem = birthDateProblem(input.birthDate, today);
  if (problem) throw badRequest('BIRTH_DATE_INVALID', `${problem}。`, { fields: [{ field: 'birthDate', message: problem }] });
  // The version first, then the matches: a registration after this read makes the write below refuse.
  const seenVersion = await identityVersion(community.countyId, input.name, input.birthDate);
  const matches = await likelyDuplicates(community.countyId, input, today);
  if (matches.length > 0) {
    // A copy of this very request may have registered the elder since the first look.
    const raced = await replay(claim);
    if (raced) return raced;
    const details: LikelyDuplicateDetails = { matches };
    const where = matches.map((match) => match.communityName).join('、');
    throw conflict('LIKELY_DUPLICATE', `${where}已有一位同名、同一天出生的${input.name}，请先确认是不是同一个人。`, { ...details });
  }

  const [by, at] = [await actorOf(session), now.toISOString()];
  const elder = registeredElder(input, { elderId: ulid(), communityId, centreId: community.centreId }, by, at);

  const outcome = await registerElderAtomically(elder, community.countyId, seenVersion, claim, by, at, epochSeconds(now));
  // Someone registered the same name and birth date in the meantime: the check runs again and shows them.
  if (outcome === 'registered-meanwhile') return registerElder(session, communityId, input);
  if (outcome === 'duplicate-request') {
    const repeated = await replay(claim);
    if (repeated) return repeated;
    throw new Error('Duplicate request without a stored answer');
  }
  return elderDetail(elder, 'community-worker');
}
