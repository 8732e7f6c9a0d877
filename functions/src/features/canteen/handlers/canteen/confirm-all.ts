import { httpHandler } from '../../../../platform/http';
import { MealSlotBody } from '@yilin/contract';
import { confirmAll } from '../../board';

export const handler = httpHandler('canteen/confirm-all', { body: MealSlotBody }, async ({ session, params, body }) => ({
  body: await confirmAll(session, params.centreId, body.date, body.meal),
}));
