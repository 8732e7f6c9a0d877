import { Agent, request } from 'node:http';

/**
 * A keep-alive HTTP client for the local API (the way API Gateway keeps connections to Lambda warm).
 *
 * The client must close an idle connection before the server does. Without `timeout`, node's Agent keeps
 * idle sockets until the server closes them (it only uses the server's `Keep-Alive: timeout=5` hint to
 * shorten a timeout it was given), so a request sent in the same moment as the server's close goes out on
 * a dead connection and fails with "socket hang up". The warm group hit that when the direct path ran for
 * about the server's keep-alive time (it announces 5 s, closes after 6) between two API rounds. Two seconds
 * leaves a margin of seconds, more than the event loop lags under load (the server runs in this process).
 */
const IDLE_SOCKET_MS = 2000;
export const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });

export interface Answer {
  status: number;
  body: string;
}

export function call(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `task` `total` times with at most `concurrency` at once; returns each run's duration in ms. */
export async function load(total: number, concurrency: number, task: (index: number) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const started = performance.now();
      await task(index);
      durations.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return durations;
}
