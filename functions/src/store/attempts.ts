import { Entity } from 'electrodb';
import { isConditionFailure } from './errors';
import { client, primary, service, table } from './keys';

/**
 * Attempts at something guessable (one-time codes) by one account in a fixed window, kept in the table
 * so the limit holds across functions and containers; TTL removes the window after it ends.
 */
export const AttemptWindow = new Entity(
  {
    model: { entity: 'attemptWindow', version: '1', service },
    attributes: {
      subject: { type: 'string', required: true },
      action: { type: 'string', required: true },
      count: { type: 'number', required: true },
      /** Epoch seconds. */
      windowEndsAt: { type: 'number', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { bySubject: primary(['subject'], ['action']) },
  },
  { table, client },
);


export interface AttemptLimit {
  /** Attempts allowed in one window. */
  limit: number;
  windowSeconds: number;
}

export type AttemptOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one attempt from the account's window before the attempt is made, so that parallel guesses
 * cannot all slip through: the count rises only while it is below the limit (a conditional write), and
 * a window that has ended starts afresh. A successful attempt is given back ({@link giveBackAttempt}),
 * so in effect only failures count.
 */
export async function takeAttempt(subject: string, action: string, { limit, windowSeconds }: AttemptLimit, nowSeconds: number): Promise<AttemptOutcome> {
  for (let round = 0; round < 3; round++) {
    try {
      await AttemptWindow.patch({ subject, action })
        .add({ count: 1 })
        .where((attr, op) => `${op.gt(attr.windowEndsAt, nowSeconds)} AND ${op.lt(attr.count, limit)}`)
        .go();
      return { allowed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    try {
      const windowEndsAt = nowSeconds + windowSeconds;
      await AttemptWindow.put({ subject, action, count: 1, windowEndsAt, expiresAt: windowEndsAt })
        .where((attr, op) => `${op.notExists(attr.count)} OR ${op.lte(attr.windowEndsAt, nowSeconds)}`)
        .go();
      return { allowed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Both conditions failed: the window is open and full, unless another request changed it meanwhile.
    const { data: current } = await AttemptWindow.get({ subject, action }).go({ consistent: true });
    if (current && current.windowEndsAt > nowSeconds && current.count >= limit) {
      return { allowed: false, retryAfterSeconds: current.windowEndsAt - nowSeconds };
    }
  }
  return { allowed: false, retryAfterSeconds: 1 };
}

/** Gives back an attempt that succeeded. */
export async function giveBackAttempt(subject: string, action: string): Promise<void> {
  try {
    await AttemptWindow.patch({ subject, action })
      .subtract({ count: 1 })
      .where((attr, op) => op.gt(attr.count, 0))
      .go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
