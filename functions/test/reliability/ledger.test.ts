import { ulid } from 'ulid';
import { balanceOf, entriesOf, moveAccount } from '../../src/store/ledger';
import { tally } from './tally';

/**
 * The ledger under concurrency: many movements of one account at once. Whatever wins, the balance equals
 * the sum of the entries and never goes below zero; a retried movement counts once.
 */
const at = '2030-01-07T00:30:00.000Z';
const movement = (account: string, amount: number, entryId = ulid()) => ({ account, entryId, amount, reason: amount > 0 ? '积分' : '兑换', at });

async function expectConsistent(account: string) {
  const [balance, entries] = await Promise.all([balanceOf(account), entriesOf(account)]);
  const sum = entries.reduce((total, entry) => total + entry.amount, 0);
  expect({ balance, sum, nonNegative: balance >= 0 }).toEqual({ balance: sum, sum, nonNegative: true });
  return balance;
}

test('race: 30 redemptions of 10 and 10 earnings of 5 at once: the balance is the sum of the entries and never below zero', async () => {
  const account = `points#${ulid()}`;
  expect(await moveAccount(movement(account, 100))).toBe('moved');
  const answers = await Promise.all([
    ...Array.from({ length: 30 }, () => moveAccount(movement(account, -10))),
    ...Array.from({ length: 10 }, () => moveAccount(movement(account, 5))),
  ]);
  tally('racesRun');
  const redeemed = answers.slice(0, 30).filter((answer) => answer === 'moved').length;
  const earned = answers.slice(30).filter((answer) => answer === 'moved').length;
  expect(earned).toBe(10);
  expect(redeemed).toBeGreaterThanOrEqual(10);
  expect(redeemed).toBeLessThanOrEqual(15);
  expect(answers.slice(0, 30).filter((answer) => answer !== 'moved').every((answer) => answer === 'insufficient')).toBe(true);
  expect(await expectConsistent(account)).toBe(100 + 5 * earned - 10 * redeemed);
});

test('race: the same movement sent 12 times at once counts once', async () => {
  const account = `points#${ulid()}`;
  const entryId = ulid();
  const answers = await Promise.all(Array.from({ length: 12 }, () => moveAccount(movement(account, 20, entryId))));
  tally('racesRun');
  expect(answers.filter((answer) => answer === 'moved')).toHaveLength(1);
  expect(answers.filter((answer) => answer !== 'moved').every((answer) => answer === 'already-moved')).toBe(true);
  expect(await expectConsistent(account)).toBe(20);
});

test('a redemption larger than the balance is refused and writes nothing', async () => {
  const account = `points#${ulid()}`;
  await moveAccount(movement(account, 30));
  expect(await moveAccount(movement(account, -31))).toBe('insufficient');
  expect(await moveAccount(movement(account, -30))).toBe('moved');
  expect(await expectConsistent(account)).toBe(0);
  expect(await entriesOf(account)).toHaveLength(2);
});
