import { httpHandler } from '../../../../platform/http';
import { WishSettingsBody } from '@yilin/contract';
import { setWishSettings } from '../../review';

export const handler = httpHandler('wishes/set-settings', { body: WishSettingsBody }, async ({ session, params, body }) => ({ body: await setWishSettings(session, params.communityId, body) }));
