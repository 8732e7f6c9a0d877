import { httpHandler } from '../../../../platform/http';
import { MealSlotQuery } from '@yilin/contract';
import { mealBoard } from '../../board';

export const handler = httpHandler('canteen/board', { query: MealSlotQuery }, async ({ session, params, query }) => ({
  body: await mealBoard(session, params.centreId, query.date, query.meal),
}));
