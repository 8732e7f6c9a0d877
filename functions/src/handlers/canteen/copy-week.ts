import { httpHandler } from '../../lib/http';
import { CopyWeekBody } from '../../schemas/canteen';
import { copyWeek } from '../../services/menus';

export const handler = httpHandler('canteen/copy-week', { body: CopyWeekBody }, async ({ session, params, body }) => ({
  body: await copyWeek(session, params.centreId, body.fromWeekStart, body.toWeekStart),
}));
