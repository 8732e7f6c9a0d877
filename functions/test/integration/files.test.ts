import { startFilesServer, type FilesServer } from '../../src/local/files-server';

/**
 * Files go from the phone straight to the bucket with a presigned POST, are checked by their bytes before
 * use, and are read through short-lived links: here against the local S3-compatible server, with the
 * same code the cloud runs.
 */
let server: FilesServer;
let files: typeof import('../../src/store/files');

beforeAll(async () => {
  server = await startFilesServer();
  process.env.S3_ENDPOINT = server.endpoint;
  process.env.FILES_BUCKET = server.bucket;
  files = await import('../../src/store/files');
});
afterAll(async () => server?.stop());

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function upload(policy: { url: string; fields: Record<string, string> }, body: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(policy.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(body)], { type }));
  return fetch(policy.url, { method: 'POST', body: form });
}

test('a photo uploaded with its form is checked and can be read back through a short-lived link', async () => {
  const policy = (await files.uploadPolicy('staff-1', 'photo', 'image/png'))!;
  expect(policy.key).toMatch(/^photo\/staff-1\/[0-9A-Z]{26}\.png$/);
  expect(policy.maxBytes).toBe(5 * 1024 * 1024);
  expect((await upload(policy, png, 'image/png')).ok).toBe(true);
  expect(await files.checkUpload('staff-1', 'photo', policy.key)).toBe('ok');
  const read = await fetch(await files.readUrl(policy.key));
  expect(read.status).toBe(200);
  expect(Buffer.from(await read.arrayBuffer()).equals(png)).toBe(true);
});

test('a page disguised as a photo is refused and deleted: nothing but an image is served', async () => {
  const policy = (await files.uploadPolicy('staff-1', 'photo', 'image/png'))!;
  expect((await upload(policy, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png')).ok).toBe(true);
  expect(await files.checkUpload('staff-1', 'photo', policy.key)).toBe('not-allowed');
  expect(await files.checkUpload('staff-1', 'photo', policy.key)).toBe('missing');
});

test('only the kinds and types allowed get a form, and a file is checked only in its owner’s folder', async () => {
  expect(await files.uploadPolicy('staff-1', 'photo', 'text/html')).toBeUndefined();
  expect(await files.uploadPolicy('staff-1', 'voice', 'image/png')).toBeUndefined();
  const policy = (await files.uploadPolicy('staff-1', 'photo', 'image/png'))!;
  await upload(policy, png, 'image/png');
  expect(await files.checkUpload('staff-2', 'photo', policy.key)).toBe('not-allowed');
  expect(await files.checkUpload('staff-1', 'voice', policy.key)).toBe('not-allowed');
});

test('the bytes decide the type', () => {
  expect(files.sniff(png)).toBe('image/png');
  expect(files.sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
  expect(files.sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
  expect(files.sniff(Buffer.from('\0\0\0\x20ftypM4A ', 'latin1'))).toBe('audio/mp4');
  expect(files.sniff(Buffer.from('GIF89a'))).toBeUndefined();
  expect(files.sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined();
});

test('a photo over 5 MB is refused, at the upload or at the check', async () => {
  const policy = (await files.uploadPolicy('staff-1', 'photo', 'image/png'))!;
  const big = Buffer.concat([png, Buffer.alloc(policy.maxBytes)]);
  const answer = await upload(policy, big, 'image/png');
  if (answer.ok) expect(await files.checkUpload('staff-1', 'photo', policy.key)).toBe('not-allowed');
  expect(await files.checkUpload('staff-1', 'photo', policy.key)).toBe('missing');
});
