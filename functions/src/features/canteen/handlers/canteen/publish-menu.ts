import { notFound } from '../../../../platform/errors';
import { httpHandler } from '../../../../platform/http';
import { parseInput } from '../../../../platform/validation';
import { DateSchema } from '@yilin/contract';
import { MealSchema, MenuBody } from '@yilin/contract';
import { publishMenu } from '../../menus';

export const handler = httpHandler('canteen/publish-menu', { body: MenuBody }, async ({ session, params, body }) => {
  const meal = MealSchema.safeParse(params.meal);
  if (!meal.success) throw notFound('NOT_FOUND', '没有这个餐次。');
  const date = parseInput(DateSchema, params.date);
  const { menu, created } = await publishMenu(session, params.centreId, date, meal.data, body);
  return { statusCode: created ? 201 : 200, body: { menu } };
});
