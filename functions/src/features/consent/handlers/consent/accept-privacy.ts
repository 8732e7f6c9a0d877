import { PrivacyAcceptanceBody } from '@yilin/contract';
import { httpHandler } from '../../../../platform/http';
import { acceptPrivacyNotice } from '../../privacy';

export const handler = httpHandler('consent/accept-privacy', { body: PrivacyAcceptanceBody }, async ({ session, body }) => ({ body: await acceptPrivacyNotice(session, body) }));
