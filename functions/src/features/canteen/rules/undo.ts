import { isWorkerStatus, type OrderStatus } from '@yilin/contract';

/**
 * Taking back a mistaken mark on the board. A worker's last mark on an order (确认, 已取餐, 出发送餐,
 * 已送达, 未到) can be undone for a few minutes, back to exactly the status before it, and only while the
 * order still has the status the mark gave it.
 */

/** The audit action of an undo; every other event of an order is `order.<status reached>`. */
export const ORDER_UNDO_ACTION = 'order.undo';

/** How long a mark can be undone. */
export const UNDO_WINDOW_MINUTES = 5;

/** The last mark a worker set on an order, kept on the order so the board can offer to undo it. */
export interface Mark {
  /** The id of the mark's audit event: the undo names the mark it takes back. */
  markId: string;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
  /** Set once the mark has been undone. */
  undoneAt?: string;
}

/** Marks a worker sets on the board may be undone; cancelling (which gives the seat back) may not. */
export const isUndoable = (to: OrderStatus) => isWorkerStatus(to);

/** The last moment a mark can be undone. */
export const undoDeadline = (mark: Pick<Mark, 'at'>): Date => new Date(Date.parse(mark.at) + UNDO_WINDOW_MINUTES * 60_000);

export type UndoVerdict =
  /** Put the order back to `back`. */
  | { outcome: 'undo'; back: OrderStatus }
  /** This very mark was undone already and nothing happened since: a retry, answered as done. */
  | { outcome: 'already-undone' }
  | { outcome: 'refused'; reason: 'nothing-to-undo' | 'moved-on' | 'too-late' };

/** Whether the mark `markId` on an order with `status` and last mark `mark` can be undone at `now`. */
export function judgeUndo(status: OrderStatus, mark: Mark | undefined, markId: string, now: Date): UndoVerdict {
  if (!mark || !isUndoable(mark.to)) return { outcome: 'refused', reason: 'nothing-to-undo' };
  // Another mark came after the one named: that one is no longer the last word on the order.
  if (mark.markId !== markId) return { outcome: 'refused', reason: 'moved-on' };
  // Undone already: a retry is answered as done, whatever happened to the order since.
  if (mark.undoneAt) return { outcome: 'already-undone' };
  if (status !== mark.to) return { outcome: 'refused', reason: 'moved-on' };
  if (now.getTime() >= undoDeadline(mark).getTime()) return { outcome: 'refused', reason: 'too-late' };
  return { outcome: 'undo', back: mark.from };
}

/** What the board offers: undoing the order's last mark, while it still can be. */
export function undoOffer(status: OrderStatus, mark: Mark | undefined, now: Date): { markId: string; back: OrderStatus; until: Date } | undefined {
  if (!mark) return undefined;
  const verdict = judgeUndo(status, mark, mark.markId, now);
  return verdict.outcome === 'undo' ? { markId: mark.markId, back: verdict.back, until: undoDeadline(mark) } : undefined;
}
