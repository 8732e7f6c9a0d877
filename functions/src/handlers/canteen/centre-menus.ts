import { httpHandler } from '../../lib/http';
import { MenusQuery } from '../../schemas/canteen';
import { centreMenus } from '../../services/menus';

export const handler = httpHandler('canteen/centre-menus', { query: MenusQuery }, async ({ session, params, query }) => ({
  body: await centreMenus(session, params.centreId, query.from),
}));
