import { httpHandler } from '../../../../platform/http';
import { MenusQuery } from '@yilin/contract';
import { centreMenus } from '../../menus';

export const handler = httpHandler('canteen/centre-menus', { query: MenusQuery }, async ({ session, params, query }) => ({
  body: await centreMenus(session, params.centreId, query.from),
}));
