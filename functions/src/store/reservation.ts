import type { Part } from './transactions';

/**
 * Capacity that cannot be oversold: a counter on an item (a meal's seats, a service window's places, a
 * store item's stock) taken one unit at a time, only while it is below the capacity the caller read and
 * the other conditions still hold; and a lock per subject (one order per elder per meal, one visit per
 * staff member per window), an item that exists once. Both are parts of {@link writeTogether}, written
 * in the same transaction as the record they make room for.
 */
export interface Unit {
  /** Entity name in the service, e.g. `Menu`. */
  entity: string;
  key: Record<string, unknown>;
  /** The counter attribute, e.g. `seatsTaken`. */
  counter: string;
  /** The unit may be taken only while the counter is below this. */
  capacity: number;
  /** Attributes that must still have the values the caller read (the capacity itself, a cutoff …). */
  unchanged?: Record<string, string | number>;
  /** The counter item is made by the first unit taken (a service window's day): a missing one counts as zero. */
  fromZero?: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- entity and attribute names are data here */
export const takeUnit = (unit: Unit): Part => (entities) =>
  (entities as any)[unit.entity]
    .update(unit.key)
    .add({ [unit.counter]: 1 })
    .where((attr: any, op: any) => {
      const below = op.lt(attr[unit.counter], unit.capacity);
      const room = unit.fromZero ? `(${op.notExists(attr[unit.counter])} OR ${below})` : below;
      return [room, ...Object.entries(unit.unchanged ?? {}).map(([name, value]) => op.eq(attr[name], value))].join(' AND ');
    })
    .commit();

/** Gives a unit back (a cancellation): never below zero. */
export const giveBackUnit = (unit: Pick<Unit, 'entity' | 'key' | 'counter'>): Part => (entities) =>
  (entities as any)[unit.entity]
    .update(unit.key)
    .subtract({ [unit.counter]: 1 })
    .where((attr: any, op: any) => op.gt(attr[unit.counter], 0))
    .commit();

/** Holds the subject's lock: the item is created only if it does not exist. */
export const holdLock = (entity: string, item: Record<string, unknown>): Part => (entities) => (entities as any)[entity].create(item).commit();

/** Releases a lock held for `owner` (the attribute `ownerAttribute` names who holds it). */
export const releaseLock = (entity: string, key: Record<string, unknown>, ownerAttribute: string, owner: string): Part => (entities) =>
  (entities as any)[entity]
    .delete(key)
    .where((attr: any, op: any) => op.eq(attr[ownerAttribute], owner))
    .commit();
/* eslint-enable @typescript-eslint/no-explicit-any */
