import { httpHandler } from '../../../../platform/http';
import { VoiceUploadBody } from '@yilin/contract';
import { voiceUpload } from '../../wishes';

export const handler = httpHandler('wishes/voice-upload', { body: VoiceUploadBody }, async ({ session, params, body }) => ({ body: await voiceUpload(session, params.elderId, body.contentType) }));
