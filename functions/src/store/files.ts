import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ulid } from 'ulid';

/**
 * Photos (a staff member's face for the door, a delivered wish) and short voice notes go from the phone
 * straight to the files bucket with a presigned POST that allows one object of one type up to a size, under
 * its owner's folder (`wx.uploadFile` on WeChat, a form post in the browser). Before a file is used it is
 * checked by its first bytes (an image must really be a JPEG, PNG or WebP; a voice note an AAC/M4A or MP3),
 * and anything else is deleted; it is read back only through short-lived URLs. Locally the stack runs an
 * S3-compatible server and this same code talks to it.
 */
export const fileKinds = {
  photo: { maxBytes: 5 * 1024 * 1024, types: { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } },
  voice: { maxBytes: 2 * 1024 * 1024, types: { 'audio/mp4': 'm4a', 'audio/aac': 'aac', 'audio/mpeg': 'mp3' } },
} as const;

export type FileKind = keyof typeof fileKinds;

let client: S3Client | undefined;
/** Made at first use (once per container), from the environment as it is then: a local stack sets its endpoint after loading this module. */
const s3 = () => {
  const endpoint = process.env.S3_ENDPOINT || undefined;
  return (client ??= new S3Client({
    region: process.env.AWS_REGION ?? 'cn-north-1',
    ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  }));
};

const bucket = () => {
  const name = process.env.FILES_BUCKET;
  if (!name) throw new Error('FILES_BUCKET is not set');
  return name;
};

/** Five minutes to upload, ten to look: long enough on a slow phone, too short to pass a link around. */
const UPLOAD_SECONDS = 5 * 60;
const READ_SECONDS = 10 * 60;

export interface UploadPolicy {
  url: string;
  fields: Record<string, string>;
  key: string;
  maxBytes: number;
}

/** A form that lets the phone upload exactly one file of this kind and type into the owner's folder. */
export async function uploadPolicy(owner: string, kind: FileKind, contentType: string): Promise<UploadPolicy | undefined> {
  const { maxBytes, types } = fileKinds[kind];
  const extension = (types as Record<string, string>)[contentType];
  if (!extension) return undefined;
  const key = `${kind}/${owner}/${ulid()}.${extension}`;
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType]],
    Fields: { 'Content-Type': contentType },
    Expires: UPLOAD_SECONDS,
  });
  return { url, fields, key, maxBytes };
}

/** The first bytes each allowed type starts with. */
const signatures: Array<{ type: string; test: (bytes: Buffer) => boolean }> = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'audio/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  { type: 'audio/aac', test: (b) => b[0] === 0xff && (b[1] & 0xf6) === 0xf0 },
  { type: 'audio/mpeg', test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0) },
];

/** What the bytes say the file is, if it is one of the allowed types. */
export function sniff(bytes: Buffer): string | undefined {
  return signatures.find((signature) => signature.test(bytes))?.type;
}

export type FileCheck = 'ok' | 'missing' | 'not-allowed';

/**
 * Checks an uploaded file before anyone uses it: it must be in the owner's folder of that kind, within the
 * size, and its bytes must be of the type it was uploaded as. A file that is not what it claims is deleted.
 */
export async function checkUpload(owner: string, kind: FileKind, key: string): Promise<FileCheck> {
  if (!key.startsWith(`${kind}/${owner}/`)) return 'not-allowed';
  // One read: the first bytes, with the type the file was uploaded as and its whole size.
  let start;
  try {
    start = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: 'bytes=0-15' }));
  } catch {
    return 'missing';
  }
  const bytes = Buffer.from(await start.Body!.transformToByteArray());
  const declared = start.ContentType ?? '';
  const size = Number(/\/(\d+)$/.exec(start.ContentRange ?? '')?.[1] ?? start.ContentLength ?? 0);
  const allowed = Object.keys(fileKinds[kind].types).includes(declared);
  if (!allowed || sniff(bytes) !== declared || size > fileKinds[kind].maxBytes) {
    await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
    return 'not-allowed';
  }
  return 'ok';
}

/** A link to look at a checked file for the next ten minutes. */
export function readUrl(key: string): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket(), Key: key, ResponseContentDisposition: 'inline' }), { expiresIn: READ_SECONDS });
}

/** Whether a files bucket is configured (the local stack runs one; some test worlds do not). */
export const filesConfigured = () => !!process.env.FILES_BUCKET;

/** The most keys S3 deletes in one request. */
const DELETE_BATCH = 1000;

/**
 * Deletes files for good (a person's voice notes and photos, when their records are forgotten). A key already
 * gone counts as deleted, so a step cut off half-way can run again; a file S3 could not delete fails the step.
 * Without a files bucket nothing is done.
 */
export async function deleteFiles(keys: readonly string[]): Promise<void> {
  if (!filesConfigured()) return;
  for (let start = 0; start < keys.length; start += DELETE_BATCH) {
    const objects = keys.slice(start, start + DELETE_BATCH).map((Key) => ({ Key }));
    const { Errors } = await s3().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: objects, Quiet: true } }));
    if (Errors?.length) throw new Error(`${Errors.length} files could not be deleted; run the step again`);
  }
}

/** Writes a file the system itself makes (the local stack's demo photos). */
export async function storeFile(key: string, bytes: Buffer, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: contentType }));
}
