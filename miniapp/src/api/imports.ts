import { call } from './client'

/** The spreadsheet's bytes go as base64 in the body: one request, no upload domain to list in WeChat. */
export const previewElderImport = (communityId: string, fileName: string, content: string) =>
  call('imports/preview', { params: { communityId }, body: { fileName, content } })

/** Sent again with the same key after a lost answer: the server writes nobody twice. */
export const confirmElderImport = (communityId: string, importId: string, idempotencyKey: string) =>
  call('imports/confirm', { params: { communityId, importId }, body: { idempotencyKey } })
