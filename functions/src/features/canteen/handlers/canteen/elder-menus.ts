import { httpHandler } from '../../../../platform/http';
import { elderMenus } from '../../orders';

export const handler = httpHandler('canteen/elder-menus', {}, async ({ session, params }) => ({
  body: await elderMenus(session, params.elderId),
}));
