import sharedSetup from '../support/global-setup';
import { startFilesServer, type FilesServer } from '../../src/local/files-server';

/**
 * The reliability suite's world is the local stack's: DynamoDB Local (as for the integration suite) and a
 * files bucket on the local S3-compatible server, so staff photos and their upload forms work as they do
 * under `npm start`. Test workers inherit the bucket's address through the environment.
 */
declare global {
  var __yilinFilesServer: FilesServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  await sharedSetup();
  const files = await startFilesServer();
  globalThis.__yilinFilesServer = files;
  Object.assign(process.env, { S3_ENDPOINT: files.endpoint, FILES_BUCKET: files.bucket });
}
