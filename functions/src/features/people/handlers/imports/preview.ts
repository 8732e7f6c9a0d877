import { httpHandler } from '../../../../platform/http';
import { ImportFileBody } from '@yilin/contract';
import { previewImport } from '../../import-preview';

export const handler = httpHandler('imports/preview', { body: ImportFileBody }, async ({ session, params, body }) => ({
  statusCode: 201,
  body: await previewImport(session, params.communityId, body),
}));
