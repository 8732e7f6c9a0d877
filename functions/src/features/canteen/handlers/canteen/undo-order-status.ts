import { httpHandler } from '../../../../platform/http';
import { UndoStatusBody } from '@yilin/contract';
import { undoOrderStatus } from '../../undo';

export const handler = httpHandler('canteen/undo-order-status', { body: UndoStatusBody }, async ({ session, params, body }) => ({
  body: await undoOrderStatus(session, params.orderId, body.markId),
}));
