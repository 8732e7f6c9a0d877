import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible server on 127.0.0.1 for the files bucket (s3rver), so uploads and reads run the same
 * code locally and in tests as in the cloud. Files are kept in `directory` (a fresh temporary folder when
 * none is given, removed on stop).
 */
export interface FilesServer {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export async function startFilesServer(options: { directory?: string; port?: number; bucket?: string } = {}): Promise<FilesServer> {
  // s3rver is a development tool: required here only, never by a function.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver');
  const bucket = options.bucket ?? 'yilin-files-local';
  const temporary = options.directory ? undefined : mkdtempSync(join(tmpdir(), 'yilin-files-'));
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory ?? temporary,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    async stop() {
      await server.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
