import { Order } from '../canteen/entities';
import { Booking } from '../care/entities';
import { Elder, type ElderItem } from '../people/entities';
import { MonthlyScore, Redemption, Wish } from '../wishes/entities';
import { ElderContact, Figure } from './entities';
import { contactEntryOf, placeOfRecord, placedAmounts } from './figures';
import { contactDayOf, contributionsOf, countedEntities } from './rules/contributions';

/**
 * The figures counted again from the records themselves, with the same rules the consumer applies one
 * change at a time. The recount test compares the two; a table that had records before the consumer
 * existed (the local demo, a first deployment) gets its figures from {@link rebuildFigures}.
 */
export interface Recount {
  /** `scope|key` → value, without zeros. */
  figures: Map<string, number>;
  /** Each elder's latest day with a meal taken, a visit done or a wish. */
  lastContacts: Map<string, string>;
}

export async function recountFrom(items: Iterable<Record<string, unknown>>): Promise<Recount> {
  const figures = new Map<string, number>();
  const lastContacts = new Map<string, string>();
  for (const item of items) {
    const entity = String(item.__edb_e__);
    if (countedEntities.includes(entity)) {
      const place = await placeOfRecord(item);
      if (place) placedAmounts(place, contributionsOf(entity, item), 1, figures);
    }
    const seen = contactDayOf(entity, item);
    if (seen && (lastContacts.get(seen.elderId) ?? '') < seen.day) lastContacts.set(seen.elderId, seen.day);
  }
  for (const [at, value] of figures) if (value === 0) figures.delete(at);
  return { figures, lastContacts };
}

/** Every record of the entities that count: one scan per entity, each record marked with its entity as the stream marks it. */
const scans: Record<string, () => Promise<{ data: object[] }>> = {
  order: () => Order.scan.go({ pages: 'all' }),
  booking: () => Booking.scan.go({ pages: 'all' }),
  wish: () => Wish.scan.go({ pages: 'all' }),
  redemption: () => Redemption.scan.go({ pages: 'all' }),
  monthlyScore: () => MonthlyScore.scan.go({ pages: 'all' }),
  elder: () => Elder.scan.go({ pages: 'all' }),
};

async function allRecords(): Promise<Array<Record<string, unknown>>> {
  // Scans: only for a rebuild, run with no traffic (a first deployment, the local demo), never on a request.
  const lists = await Promise.all(Object.entries(scans).map(async ([entity, scan]) => (await scan()).data.map((item) => ({ ...item, __edb_e__: entity }))));
  return lists.flat();
}

/**
 * Writes the figures and contact entries as a recount of the records gives them. Run while nothing else
 * writes (the consumers stopped): it sets absolute values, where the consumer adds differences.
 */
export async function rebuildFigures(): Promise<{ figures: number; contacts: number }> {
  const records = await allRecords();
  const { lastContacts } = await recountFrom(records);
  // The contact entries first: they count too (the knock list by last contact).
  const contacts = records
    .filter((record) => record.__edb_e__ === 'elder')
    .map((elder) => {
      const lastContact = lastContacts.get(String(elder.elderId));
      return { ...contactEntryOf(elder as ElderItem), ...(lastContact ? { lastContact } : {}) };
    });
  if (contacts.length) await ElderContact.put(contacts).go();
  const { figures } = await recountFrom([...records, ...contacts.map((contact) => ({ ...contact, __edb_e__: 'elderContact' }))]);
  const { data: stale } = await Figure.scan.go({ pages: 'all' });
  const values = new Map(stale.map((figure) => [`${figure.scope}|${figure.key}`, 0]));
  for (const [at, value] of figures) values.set(at, value);
  const items = [...values].map(([at, value]) => {
    const [scope, key] = at.split('|');
    return { scope, key, value };
  });
  if (items.length) await Figure.put(items).go();
  return { figures: figures.size, contacts: contacts.length };
}
