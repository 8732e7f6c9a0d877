import { httpHandler } from '../../../../platform/http';
import { PhotoUploadBody } from '@yilin/contract';
import { deliveryPhotoUpload } from '../../claims';

export const handler = httpHandler('wishes/photo-upload', { body: PhotoUploadBody }, async ({ session, params, body }) => ({ body: await deliveryPhotoUpload(session, params.wishId, body.contentType) }));
