import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { dispatcher } from '../../src/platform/dispatch';
import { functionGroups, groupEntrySource } from '../../src/routes';

/** A function that serves several routes sends each request to the handler of its route. */
const event = (routeKey: string) => ({ routeKey }) as APIGatewayProxyEventV2;
const context = {} as Context;

test('a request goes to the handler of its route key; a route the function does not serve is 404', async () => {
  const handle = dispatcher({
    'GET /elders/{elderId}': async () => ({ statusCode: 200, body: 'elder' }),
    'PUT /elders/{elderId}/verification': async () => ({ statusCode: 200, body: 'verified' }),
  });
  expect(await handle(event('GET /elders/{elderId}'), context)).toEqual({ statusCode: 200, body: 'elder' });
  expect(await handle(event('PUT /elders/{elderId}/verification'), context)).toEqual({ statusCode: 200, body: 'verified' });
  const missing = await handle(event('DELETE /elders/{elderId}'), context);
  expect(missing.statusCode).toBe(404);
  expect(JSON.parse(missing.body!).error.code).toBe('ROUTE_NOT_FOUND');
});

test('every deployed route is served by exactly one function, and its entry names it by method and path', () => {
  const seen = new Map<string, string>();
  for (const group of functionGroups()) {
    const source = groupEntrySource(group, '../src');
    for (const route of group.routes) {
      const key = `${route.method} ${route.path}`;
      expect(seen.has(key)).toBe(false);
      seen.set(key, group.name);
      expect(source).toContain(`'${key}':`);
    }
  }
  expect(seen.size).toBeGreaterThan(30);
});
