import { httpHandler } from '../../../../platform/http';
import { CareSettingsBody } from '@yilin/contract';
import { setCareSettings } from '../../catalogue';

export const handler = httpHandler('care/set-settings', { body: CareSettingsBody }, async ({ session, params, body }) => ({ body: await setCareSettings(session, params.centreId, body) }));
