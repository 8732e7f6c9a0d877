import fc from 'fast-check';
import { useApi, tokenFor, type ApiResponse } from '../support/api';
import { routes, type RouteDefinition } from '../../src/routes';
import { matrix, type Cell } from './matrix-spec';
import { actors, elderTargets, useWorldWithWechat } from './world';
import { auditTable } from './table-audit';
import { tally } from './tally';

/**
 * Hostile input for every route that takes input: random and adversarial JSON (wrong types, huge
 * strings, deep nesting, prototype-pollution keys, unicode edge cases, numbers as strings, negative and
 * enormous numbers) and malformed requests. The only acceptable answers are 2xx for valid input and 4xx
 * with a machine code otherwise; never a 5xx or an internal message; and afterwards every item in the
 * table still satisfies the data layer's own schema.
 */
const api = useApi();
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
useWorldWithWechat();

const table = routes as readonly RouteDefinition[];
const withBody = table.filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method));

/** The first role allowed on the route, acting on its own object: the caller most likely to get past the guards. */
function cellFor(route: RouteDefinition): Cell {
  const actor = route.roles === 'public' ? 'anonymous' : route.roles[0];
  return { actor, userId: actor === 'anonymous' ? undefined : actors[actor], case: 'own', target: elderTargets.own };
}

const internalLeak = /(\bat \S+ \(|\.ts:\d+|node_modules|TypeError|ReferenceError|ConditionalCheckFailed|ValidationException|ElectroError|Cannot read prop|stack)/;

function expectAcceptable(response: ApiResponse, what: string) {
  const verdict = {
    what,
    status: response.status,
    coded: response.status < 400 || /^[A-Z_]+$/.test(response.body?.error?.code ?? ''),
    leaks: internalLeak.test(response.text),
  };
  expect(verdict).toEqual({ what, status: verdict.status < 500 ? verdict.status : 'below 500', coded: true, leaks: false });
}

const hostileScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e反向', '𠀀𪚥', '\ud800', '🧓🏻‍🦳', 'NaN', '-1', '1e309', '__proto__', '<script>', "' OR 1=1 --", '${7*7}'),
  fc.string({ minLength: 5000, maxLength: 20000 }).map((s) => s.padEnd(5000, '长')),
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, -0, 1e21, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const deepNesting = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 30 }) },
);

/** Mutations of a valid body: a field replaced, removed, or joined by a stranger, or the whole body replaced. */
function hostileBody(valid: Record<string, unknown>): fc.Arbitrary<{ text: string }> {
  const keys = Object.keys(valid);
  const replaced = keys.length
    ? fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => ({ ...valid, [key]: value }))
    : hostileValue.map((value) => ({ value }));
  const removed = keys.length ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))) : fc.constant({});
  const stranger = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'status', 'priceFen'), hostileValue).map(([key, value]) => ({ text: JSON.stringify(valid).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},`) }));
  const polluted = fc.constant({ text: `{"__proto__":{"role":"admin","isAdmin":true},${JSON.stringify(valid).slice(1)}` });
  const asText = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((body) => ({ text: JSON.stringify(body) ?? 'null' }));
  return fc.oneof(asText(replaced), asText(removed), stranger, polluted, asText(hostileValue), fc.constantFrom({ text: 'NaN' }, { text: '{"a":NaN}' }, { text: '[]' }, { text: '"字符串"' }, { text: '{"date":"2030-02-30"}' }));
}

for (const route of withBody) {
  test(`${route.method} ${route.path} answers hostile bodies with 2xx or a coded 4xx, never a 5xx or an internal message`, async () => {
    const cell = cellFor(route);
    const plan = await matrix[route.handler].plan(cell);
    const valid = (plan.body ?? {}) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(hostileBody(valid), async ({ text }) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (cell.userId) headers.authorization = `Bearer ${await tokenFor(cell.userId)}`;
        const response = await api.raw({ method: route.method, path: plan.path, headers, body: text });
        tally('fuzzCases');
        expectAcceptable(response, text.slice(0, 120));
      }),
      { numRuns: RUNS },
    );
    await matrix[route.handler].cleanup?.(cell);
  });

  test(`${route.method} ${route.path} refuses malformed requests with a coded 4xx`, async () => {
    const cell = cellFor(route);
    const plan = await matrix[route.handler].plan(cell);
    const auth: Record<string, string> = cell.userId ? { authorization: `Bearer ${await tokenFor(cell.userId)}` } : {};
    // A route may take a larger body than the usual 16 KB (a spreadsheet): oversized is beyond its own limit.
    const limit = route.maxBodyBytes ?? 16 * 1024;
    const oversized = [
      { what: 'oversized body', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: '长'.repeat(Math.ceil(limit / 3) + 1000) }), status: 413 },
      { what: 'body beyond the server limit', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(Math.max(1_200_000, limit + 1)), status: 413 },
    ];
    // Routes that take no body (an action on the object in the path) ignore one; only size is refused.
    const malformed = plan.body === undefined
      ? []
      : [
          { what: 'bad JSON', headers: { 'content-type': 'application/json' }, body: '{"date": ', status: 400 },
          { what: 'wrong content type', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(plan.body), status: 415 },
          { what: 'no body', headers: { 'content-type': 'application/json' }, body: undefined, status: 400 },
        ];
    for (const { what, headers, body, status } of [...malformed, ...oversized]) {
      const response = await api.raw({ method: route.method, path: plan.path, headers: { ...headers, ...auth }, body });
      tally('fuzzCases');
      expect({ what, status: response.status, code: /^[A-Z_]+$/.test(response.body?.error?.code ?? '') }).toEqual({ what, status, code: true });
    }
  });
}

const withQuery = table.filter((route) => route.method === 'GET' && route.path !== '/auth/demo-accounts');
test('GET routes answer hostile query strings with 2xx or a coded 4xx', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...withQuery),
      fc.dictionary(fc.constantFrom('cursor', 'limit', 'date', 'meal', 'from', 'format', '__proto__', 'x'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '0', '99999999', 'NaN', '%00', 'eyJwayI6ImJhZCJ9', '2030-13-45', 'csv', 'lunch'))),
      async (route, query) => {
        const cell = cellFor(route);
        const plan = await matrix[route.handler].plan(cell);
        const path = `${plan.path.split('?')[0]}?${new URLSearchParams(query).toString()}`;
        const headers: Record<string, string> = cell.userId ? { authorization: `Bearer ${await tokenFor(cell.userId)}` } : {};
        const response = await api.raw({ method: 'GET', path, headers });
        tally('fuzzCases');
        expectAcceptable(response, path);
      },
    ),
    { numRuns: RUNS * 4 },
  );
});

test('path parameters that are not ids answer 404, never a 5xx', async () => {
  const token = await tokenFor(actors.worker);
  for (const bad of ['%E0%A4%A', '..%2F..%2Fetc', 'a'.repeat(200), '%00', '__proto__%20x', '%F0%9F%A7%93']) {
    for (const path of [`/elders/${bad}`, `/orders/${bad}`, `/bookings/${bad}`, `/elders/${bad}/health`, `/centres/${bad}/board?date=2030-01-08&meal=lunch`, `/communities/${bad}/elders`]) {
      const response = await api.raw({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
      tally('fuzzCases');
      expect({ path, status: response.status < 500, coded: /^[A-Z_]+$/.test(response.body?.error?.code ?? '') }).toEqual({ path, status: true, coded: true });
    }
  }
});

test('afterwards every item in the table satisfies its entity schema', async () => {
  const { items, problems } = await auditTable();
  expect(items).toBeGreaterThan(50);
  expect(problems).toEqual([]);
});
