import { Entity } from 'electrodb';
import { client, primary, service, table } from './keys';
import { writeTogether, type Part } from './transactions';

/**
 * An append-only ledger (a volunteer's points, a store item's stock): every movement is an entry, and
 * the account's balance is updated in the same transaction with `balance >= 0` as the condition, so the
 * balance always equals the sum of its entries and can never go below zero, however many movements race.
 */
export const LedgerBalance = new Entity(
  {
    model: { entity: 'ledgerBalance', version: '1', service },
    attributes: {
      account: { type: 'string', required: true },
      balance: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byAccount: primary(['account']) },
  },
  { table, client },
);

export const LedgerEntry = new Entity(
  {
    model: { entity: 'ledgerEntry', version: '1', service },
    attributes: {
      account: { type: 'string', required: true },
      /** Unique per movement and sortable by time (a ULID); a retried movement uses the same id. */
      entryId: { type: 'string', required: true },
      /** Positive in, negative out, in whole units (points, pieces, fen). */
      amount: { type: 'number', required: true },
      /** Why, in words a person reads on their statement. */
      reason: { type: 'string', required: true },
      /** What it belongs to (a wish, a redemption …). */
      ref: { type: 'string' },
      at: { type: 'string', required: true },
    },
    indexes: { byAccount: primary(['account'], ['entryId']) },
  },
  { table, client },
);

export interface Movement {
  account: string;
  entryId: string;
  amount: number;
  reason: string;
  ref?: string;
  at: string;
}

/**
 * The parts of one movement: the entry (created once: a retried movement with the same id fails on it)
 * and the balance moved by the amount, only if it stays at or above zero.
 */
export function move(movement: Movement): { entry: Part; balance: Part } {
  if (!Number.isInteger(movement.amount) || movement.amount === 0) throw new Error('A ledger movement is a non-zero whole number');
  return {
    entry: ({ LedgerEntry: entries }) => entries.create(movement).commit(),
    balance: ({ LedgerBalance: balances }) =>
      balances
        .update({ account: movement.account })
        .add({ balance: movement.amount })
        .set({ updatedAt: movement.at })
        .where((attr, op) =>
          movement.amount > 0 ? `${op.notExists(attr.balance)} OR ${op.gte(attr.balance, 0)}` : op.gte(attr.balance, -movement.amount),
        )
        .commit(),
  };
}

export type MoveOutcome = 'moved' | 'insufficient' | 'already-moved';

/** Moves one account by itself; a feature with more to write in the same transaction uses {@link move}. */
export async function moveAccount(movement: Movement): Promise<MoveOutcome> {
  const outcome = await writeTogether(move(movement));
  if (outcome.written) return 'moved';
  return outcome.failed.includes('entry') ? 'already-moved' : 'insufficient';
}

export async function balanceOf(account: string): Promise<number> {
  const { data: balance } = await LedgerBalance.get({ account }).go({ consistent: true });
  return balance?.balance ?? 0;
}

/** The newest entries of an account, newest first: one page, however long the account's history. */
export async function latestEntriesOf(account: string, limit: number) {
  const { data: entries } = await LedgerEntry.query.byAccount({ account }).go({ order: 'desc', limit });
  return entries;
}

export async function entriesOf(account: string) {
  const { data: entries } = await LedgerEntry.query.byAccount({ account }).go({ pages: 'all', consistent: true });
  return entries;
}
