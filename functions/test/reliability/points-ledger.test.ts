import fc from 'fast-check';
import { errorCode, tokenFor, useApi, type ApiResponse } from '../support/api';
import { createCommunity, createElder, createUser } from '../support/seed';
import { createVolunteer, deliveredWish, grantPoints, openStoreOn, storeItem } from '../support/wish-fixtures';
import { DEFAULT_WISH_SETTINGS, pointsAccount, redemptionsOfHolder, stockAccount } from '../../src/features/wishes/data';
import { setClock } from '../../src/platform/clock';
import { balanceOf, entriesOf } from '../../src/store/ledger';
import { NOW, TODAY, randomKey } from './world';
import { tally } from './tally';

/**
 * Points and stock under random scripts of a worker's grants and corrections, wishes the volunteer realised
 * (the points earned when the elder's side confirms), a volunteer's redemptions, and cancellations and
 * hand-overs, some sent at the same moment, against DynamoDB Local. After every step each
 * ledger's balance equals the sum of its entries and is never below zero; at the end the balance is what
 * was earned less what the redemptions still standing cost, and each item's stock what it started with less
 * its pieces still standing.
 */
const api = useApi();
const RUNS = Number(process.env.LEDGER_RUNS ?? 15);
beforeEach(() => setClock(NOW));

type Action =
  | { kind: 'grant'; points: number }
  | { kind: 'adjust'; points: number }
  | { kind: 'realise' }
  | { kind: 'redeem'; item: number }
  | { kind: 'cancel'; which: number; byWorker: boolean }
  | { kind: 'hand-over'; which: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('grant' as const), points: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -30, max: 30 }).filter((points) => points !== 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('realise' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('redeem' as const), item: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), which: fc.nat(20), byWorker: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hand-over' as const), which: fc.nat(20) }) },
);

/** Steps one after another, each of one to four actions sent at once. */
const script = fc.array(fc.array(action, { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 8 });

/** The run's two items: cheap with little stock, dear with less, so both refusals come up. */
const ITEMS = [
  { pricePoints: 5, stock: 3 },
  { pricePoints: 12, stock: 1 },
];

/** Granted before each script, so the first redemptions go through. */
const START_POINTS = 30;

/** What each action may answer; anything else (a 5xx, SERVICE_BUSY) is a failure. */
const accepted: Record<Action['kind'], string[]> = {
  grant: ['200'],
  adjust: ['200', '409 POINTS_NOT_ENOUGH'],
  realise: ['200'],
  redeem: ['201', '409 POINTS_NOT_ENOUGH', '409 OUT_OF_STOCK'],
  cancel: ['200', '409 TRANSITION_NOT_ALLOWED'],
  'hand-over': ['200', '409 TRANSITION_NOT_ALLOWED'],
};

const outcomeOf = (answer: ApiResponse) => (answer.status < 300 ? String(answer.status) : `${answer.status} ${errorCode(answer)}`);
const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

async function expectLedgersHold(accounts: string[]) {
  const found = await Promise.all(
    accounts.map(async (account) => {
      const [balance, entries] = await Promise.all([balanceOf(account), entriesOf(account)]);
      return { account, balance, sum: sum(entries.map((entry) => entry.amount)), nonNegative: balance >= 0 };
    }),
  );
  expect(found).toEqual(found.map(({ account, sum: entriesSum }) => ({ account, balance: entriesSum, sum: entriesSum, nonNegative: true })));
}

/** What a realised wish earns its claimer: the community keeps the default rules. */
const POINTS_PER_WISH = DEFAULT_WISH_SETTINGS.pointsPerWish;

let place: Awaited<ReturnType<typeof createCommunity>>;
let workerId: string;
let elderId: string;
beforeAll(async () => {
  setClock(NOW);
  place = await createCommunity();
  workerId = (await createUser('worker', { communityId: place.communityId, name: '刘晓燕' })).userId;
  elderId = (await createElder(place)).elderId;
  await openStoreOn(api, workerId, place.communityId, TODAY);
});

test('property: whatever grants, corrections, realised wishes, redemptions, cancellations and hand-overs come, at once or in turn, points and stock are never spent twice nor below zero', async () => {
  await fc.assert(
    fc.asyncProperty(script, async (steps) => {
      const holderId = (await createVolunteer(place)).userId;
      const items = await Promise.all(ITEMS.map((item) => storeItem(api, workerId, place.communityId, item)));
      const [holder, worker] = await Promise.all([tokenFor(holderId), tokenFor(workerId)]);
      const accounts = [pointsAccount(holderId), ...items.map((item) => stockAccount(item.itemId))];
      await grantPoints(api, workerId, holderId, START_POINTS);
      const redemptions: string[] = [];
      let earned = START_POINTS;

      const perform = (step: Action, known: string[]): Promise<ApiResponse> | undefined => {
        switch (step.kind) {
          case 'grant':
            return api.as(worker).post(`/points/${holderId}/grants`, { hours: 1, points: step.points, reason: '志愿服务', idempotencyKey: randomKey() });
          case 'adjust':
            return api.as(worker).post(`/points/${holderId}/adjustments`, { points: step.points, reason: '社区调整', idempotencyKey: randomKey() });
          case 'realise':
            // Posted, published, claimed and delivered first; the confirmation is what meets the other actions.
            return deliveredWish(api, workerId, holderId, elderId).then((wish) => api.as(worker).post(`/wishes/${wish.wishId}/confirm`));
          case 'redeem':
            return api.as(holder).post(`/points/${holderId}/redemptions`, { itemId: items[step.item].itemId, idempotencyKey: randomKey() });
          case 'cancel':
            return known.length ? api.as(step.byWorker ? worker : holder).post(`/redemptions/${known[step.which % known.length]}/cancel`) : undefined;
          case 'hand-over':
            return known.length ? api.as(worker).post(`/redemptions/${known[step.which % known.length]}/hand-over`) : undefined;
        }
      };

      for (const step of steps) {
        const known = [...redemptions];
        const answers = await Promise.all(step.map((one) => perform(one, known)));
        step.forEach((one, i) => {
          const answer = answers[i];
          if (!answer) return;
          expect({ kind: one.kind, outcome: outcomeOf(answer), accepted: accepted[one.kind].includes(outcomeOf(answer)) }).toEqual({ kind: one.kind, outcome: outcomeOf(answer), accepted: true });
          if (one.kind === 'redeem' && answer.status === 201) redemptions.push(answer.body.redemption.redemptionId);
          if ((one.kind === 'grant' || one.kind === 'adjust') && answer.status === 200) earned += one.points;
          if (one.kind === 'realise' && answer.status === 200) earned += POINTS_PER_WISH;
        });
        await expectLedgersHold(accounts);
      }

      tally('racesRun');
      const standing = (await redemptionsOfHolder(holderId)).filter((redemption) => redemption.status !== 'cancelled');
      expect({
        redemptions: (await redemptionsOfHolder(holderId)).length,
        balance: await balanceOf(pointsAccount(holderId)),
        stock: await Promise.all(items.map((item) => balanceOf(stockAccount(item.itemId)))),
      }).toEqual({
        redemptions: redemptions.length,
        balance: earned - sum(standing.map((redemption) => redemption.pricePoints)),
        stock: ITEMS.map((item, i) => item.stock - standing.filter((redemption) => redemption.itemId === items[i].itemId).length),
      });
    }),
    { numRuns: RUNS },
  );
});
