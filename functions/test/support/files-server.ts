import { execFileSync } from 'node:child_process';
import { startFilesServer, type FilesServer } from '../../src/local/files-server';

/**
 * A files bucket of the test file's own, on the local S3-compatible server. The files client reads its endpoint
 * when first loaded, and the table's setup (fresh-table.ts) loads it before any hook of the file runs: so call this
 * at the top of the file. It sets the endpoint at once, on a port found free now, and starts the server before the
 * tests.
 */
export function useFilesServer(bucket: string): void {
  const port = Number(execFileSync(process.execPath, ['-e', "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"]).toString());
  process.env.S3_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.FILES_BUCKET = bucket;
  let files: FilesServer | undefined;
  beforeAll(async () => {
    files = await startFilesServer({ port, bucket });
  });
  afterAll(async () => files?.stop());
}

/** The first bytes of a JPEG photo and of an MP3 voice note, as the upload check reads them. */
export const jpegBytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
export const mp3Bytes = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.alloc(64, 1)]);

/** Sends a file with the upload form the API signed, as the phone does. */
export async function uploadWith(form: { url: string; fields: Record<string, string> }, bytes: Buffer, type: string): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(bytes)], { type }));
  return fetch(form.url, { method: 'POST', body });
}
