import { httpHandler } from '../../../../platform/http';
import { CopyWeekBody } from '@yilin/contract';
import { copyWeek } from '../../menus';

export const handler = httpHandler('canteen/copy-week', { body: CopyWeekBody }, async ({ session, params, body }) => ({
  body: await copyWeek(session, params.centreId, body.fromWeekStart, body.toWeekStart),
}));
