import { judgeUndo, UNDO_WINDOW_MINUTES } from './rules/undo';
import { getOrder, timelineOf, undoMarkAtomically } from './data';
import { loadOrderFor } from './orders';
import { orderView } from './views';
import { clock } from '../../platform/clock';
import { conflict, gone } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { OrderItem } from './entities';
import type { OrderView } from '@yilin/contract';
import { actorOf } from '../people/actors';

const answer = async (order: OrderItem) => ({ order: orderView(order, await timelineOf(order.orderId)) });

/**
 * A worker of the order's centre takes back a mark of the board (the same policy as marking). The mark's
 * id makes a retry safe: once undone, the same request is answered with the order as it is.
 */
export async function undoOrderStatus(session: Session, orderId: string, markId: string): Promise<{ order: OrderView }> {
  let order = await loadOrderFor(session, orderId, 'order.move');
  const by = await actorOf(session);
  // At most twice: a lost race re-reads the order once, and the one that won has decided it.
  for (let attempt = 0; ; attempt++) {
    const verdict = judgeUndo(order.status, order.mark, markId, clock.now());
    if (verdict.outcome === 'already-undone') return answer(order);
    if (verdict.outcome === 'refused') {
      const status = orderView(order).statusName;
      switch (verdict.reason) {
        case 'nothing-to-undo':
          throw conflict('NOTHING_TO_UNDO', `这份订单现在是“${status}”，没有可以撤销的标记。`);
        case 'moved-on':
          throw conflict('ORDER_CHANGED', `标记之后订单又有了变化（现在是“${status}”），不能再撤销了，请刷新后再看。`);
        case 'too-late':
          throw gone('UNDO_TOO_LATE', `标记已超过 ${UNDO_WINDOW_MINUTES} 分钟，不能撤销了。`);
      }
    }
    const undone = await undoMarkAtomically(order, order.mark!, { at: clock.now().toISOString(), by });
    if (undone !== 'stale') return answer(undone);
    const current = await getOrder(orderId);
    if (!current || attempt > 0) throw conflict('ORDER_CHANGED', '订单状态刚刚有变化，请刷新后再试。');
    order = current;
  }
}
