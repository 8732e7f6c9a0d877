import { httpHandler } from '../../../../platform/http';
import { PhotoUploadBody } from '@yilin/contract';
import { staffPhotoUpload } from '../../staff-members';

export const handler = httpHandler('staff/photo-upload', { body: PhotoUploadBody }, async ({ session, params, body }) => ({ statusCode: 201, body: await staffPhotoUpload(session, params.userId, body.contentType) }));
