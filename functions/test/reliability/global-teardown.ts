import sharedTeardown from '../support/global-teardown';

/** Stops what global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__yilinFilesServer?.stop();
  globalThis.__yilinFilesServer = undefined;
  await sharedTeardown();
}
