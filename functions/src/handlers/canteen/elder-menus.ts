import { httpHandler } from '../../lib/http';
import { elderMenus } from '../../services/orders';

export const handler = httpHandler('canteen/elder-menus', {}, async ({ session, params }) => ({
  body: await elderMenus(session, params.elderId),
}));
