import { startLocalConsumers, type StreamRunner } from '../../src/local/stream-runner';

/**
 * Every stream consumer of the route table running on this file's table, as deployed, from before the first
 * test to after the last. `idle()` waits until every change so far has been handled.
 */
export function useLocalConsumers(): Pick<StreamRunner, 'idle'> {
  let runner: StreamRunner | undefined;
  beforeAll(async () => {
    runner = await startLocalConsumers({ pollMs: 50 });
  });
  afterAll(async () => runner?.stop());
  return {
    idle: () => {
      if (!runner) throw new Error('the consumers are not running yet');
      return runner.idle();
    },
  };
}
