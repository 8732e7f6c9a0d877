import { httpHandler } from '../../../../platform/http';
import { ConfirmImportBody } from '@yilin/contract';
import { confirmImport } from '../../import-confirm';

export const handler = httpHandler('imports/confirm', { body: ConfirmImportBody }, async ({ session, params, body }) => ({
  body: await confirmImport(session, params.communityId, params.importId, body),
}));
