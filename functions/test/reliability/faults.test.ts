import { createServer, connect, type Server } from 'node:net';
import { useApi, tokenFor, errorCode, type ApiResponse } from '../support/api';
import { dynamoClient } from '../../src/store/client';
import { getMenu, ordersOfMeal } from '../../src/features/canteen/data';
import { IdempotencyRecord } from '../../src/store/idempotency';
import { setClock } from '../../src/platform/clock';
import { actors, createWorld, NOW, randomKey } from './world';
import { tally } from './tally';

/**
 * Faults of the data store: throttling, timeouts and a refused connection injected into the SDK's
 * middleware stack, a real unreachable endpoint and a real slow one. The API answers 503 with a machine
 * code and a retry hint, a retried write after recovery succeeds exactly once, and no half-written state
 * remains.
 */
type Fault = 'throttle' | 'timeout' | 'refused';
const injection: { fault?: Fault; only?: RegExp; injected: number } = { injected: 0 };

const errors: Record<Fault, () => Error> = {
  throttle: () => Object.assign(new Error('The level of configured provisioned throughput for the table was exceeded.'), { name: 'ProvisionedThroughputExceededException', $fault: 'client', $metadata: {} }),
  timeout: () => Object.assign(new Error('Connection timed out after 2500 ms'), { name: 'TimeoutError' }),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }),
};

dynamoClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (injection.fault && (!injection.only || injection.only.test(String(context.commandName)))) {
      injection.injected += 1;
      throw errors[injection.fault]();
    }
    return next(args);
  },
  { step: 'initialize', name: 'reliabilityFaultInjection' },
);

const api = useApi();
beforeAll(createWorld);
beforeEach(() => setClock(NOW));
afterEach(() => {
  tally('faultsInjected', injection.injected);
  injection.fault = undefined;
  injection.only = undefined;
  injection.injected = 0;
});

function expectBusy(response: ApiResponse) {
  expect({
    status: response.status,
    code: errorCode(response),
    retryAfter: Number(response.headers.get('retry-after')) > 0,
    chinese: /[\u4e00-\u9fff]/.test(response.body?.error?.message ?? ''),
    leaks: /ECONNREFUSED|Throughput|TimeoutError|at \S+ \(/.test(response.text),
  }).toEqual({ status: 503, code: 'SERVICE_BUSY', retryAfter: true, chinese: true, leaks: false });
}

const order = (key: string) => ({ date: '2030-01-10', meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: key });

for (const fault of ['throttle', 'timeout', 'refused'] as const) {
  test(`reads answer 503 SERVICE_BUSY with a retry hint when the table ${fault === 'throttle' ? 'throttles' : fault === 'timeout' ? 'times out' : 'refuses connections'}`, async () => {
    const token = await tokenFor(actors.family);
    injection.fault = fault;
    expectBusy(await api.as(token).get('/me'));
    expectBusy(await api.as(token).get(`/elders/${actors.elder}/menus`));
    expect(injection.injected).toBeGreaterThan(0);
  });
}

test('an order whose transaction is throttled writes nothing, and its retry after recovery places exactly one order', async () => {
  const token = await tokenFor(actors.elder);
  const key = randomKey();
  const before = (await getMenu('demo-centre-xueyuan', '2030-01-10', 'lunch'))!.seatsTaken;
  injection.fault = 'throttle';
  injection.only = /TransactWrite/;
  expectBusy(await api.as(token).post(`/elders/${actors.elder}/orders`, order(key)));
  expect(injection.injected).toBe(1);
  // Nothing half-written: no seat taken, no order, no idempotency record.
  expect((await getMenu('demo-centre-xueyuan', '2030-01-10', 'lunch'))!.seatsTaken).toBe(before);
  expect((await ordersOfMeal('demo-centre-xueyuan', '2030-01-10', 'lunch')).filter((o) => o.elderId === actors.elder)).toEqual([]);
  expect((await IdempotencyRecord.get({ scope: `caller#${actors.elder}`, key }).go()).data).toBeNull();

  injection.fault = undefined;
  const retried = await api.as(token).post(`/elders/${actors.elder}/orders`, order(key));
  const again = await api.as(token).post(`/elders/${actors.elder}/orders`, order(key));
  expect([retried.status, again.status, again.body.order.orderId]).toEqual([201, 200, retried.body.order.orderId]);
  expect((await ordersOfMeal('demo-centre-xueyuan', '2030-01-10', 'lunch')).filter((o) => o.elderId === actors.elder)).toHaveLength(1);
  expect((await getMenu('demo-centre-xueyuan', '2030-01-10', 'lunch'))!.seatsTaken).toBe(before + 1);
});

test('a binding whose transaction fails leaves the code unused, so the retry binds', async () => {
  const elderToken = await tokenFor('demo-elder-zhang');
  const familyToken = await tokenFor('demo-family-chen');
  const { code } = (await api.as(elderToken).post('/elders/demo-elder-zhang/binding-codes')).body;
  injection.fault = 'timeout';
  injection.only = /TransactWrite/;
  expectBusy(await api.as(familyToken).post('/bindings', { code, relation: 'son' }));
  injection.fault = undefined;
  expect((await api.as(familyToken).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  expect(errorCode(await api.as(familyToken).post('/bindings', { code, relation: 'son' }))).toBe('BINDING_CODE_USED');
});

/** A second API in its own module registry, whose data client talks to `endpoint`. */
async function isolatedApi(endpoint: string) {
  const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, timeout: process.env.DYNAMODB_REQUEST_TIMEOUT_MS };
  process.env.DYNAMODB_ENDPOINT = endpoint;
  // The request timeout DynamoDB gets (2.5 s), not DynamoDB Local's longer one: the slow table below is slower than it.
  process.env.DYNAMODB_REQUEST_TIMEOUT_MS = '2500';
  let start!: typeof import('../../src/local/api-server').startApiServer;
  jest.isolateModules(() => {
    const server = require('../../src/local/api-server') as typeof import('../../src/local/api-server');
    // Handlers load lazily; load them inside the isolated registry so they get its data client.
    server.loadHandlers();
    // Its own clock too: the same moment as this file's, which issues the tokens.
    (require('../../src/platform/clock') as typeof import('../../src/platform/clock')).setClock(NOW);
    start = server.startApiServer;
  });
  process.env.DYNAMODB_ENDPOINT = saved.endpoint;
  if (saved.timeout === undefined) delete process.env.DYNAMODB_REQUEST_TIMEOUT_MS;
  else process.env.DYNAMODB_REQUEST_TIMEOUT_MS = saved.timeout;
  return start();
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Asks an API whose table lives at `endpoint` for the elder's home data; it must answer busy. */
async function expectBusyAgainst(endpoint: string) {
  const server = await isolatedApi(endpoint);
  try {
    const response = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${await tokenFor(actors.elder)}` } });
    tally('faultsInjected');
    expectBusy({ status: response.status, headers: response.headers, text: await response.clone().text(), body: await response.json() });
  } finally {
    await server.close();
  }
}

test('with the table unreachable (nothing listening) the API answers 503, not 500', async () => {
  const closed = createServer();
  const port = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  await expectBusyAgainst(`http://127.0.0.1:${port}`);
});

test('with the table answering slower than the client timeout the API answers 503, not a hang', async () => {
  // A proxy that holds every answer from DynamoDB Local for longer than the SDK's request timeout.
  const target = new URL(process.env.DYNAMODB_ENDPOINT!);
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => setTimeout(() => client.writable && client.write(chunk), 4000));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  const port = await listen(proxy);
  try {
    await expectBusyAgainst(`http://127.0.0.1:${port}`);
  } finally {
    proxy.close();
  }
});
