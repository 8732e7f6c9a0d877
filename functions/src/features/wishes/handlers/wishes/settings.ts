import { httpHandler } from '../../../../platform/http';
import { wishSettings } from '../../review';

export const handler = httpHandler('wishes/settings', {}, async ({ session, params }) => ({ body: await wishSettings(session, params.communityId) }));
