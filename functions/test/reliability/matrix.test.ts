import { useApi, tokenFor, type ApiResponse } from '../support/api';
import { routes, type RouteDefinition } from '../../src/routes';
import { allActors, allowed, casesOf, matrix, refusalStatus, type Actor, type Cell } from './matrix-spec';
import { actors, centreTargets, communityTargets, elderTargets, useWorldWithWechat } from './world';
import { tally } from './tally';

/**
 * The authorisation matrix, generated from the route table: every route × every role (and anonymous) ×
 * every ownership case. Another elder's object answers 404 and never its data (OWASP API1).
 */
const api = useApi();
useWorldWithWechat();

const table = routes as readonly RouteDefinition[];

test('every route of the route table has an entry in the matrix, and no entry names a route that does not exist', () => {
  const handlers = table.map((route) => route.handler);
  expect(handlers.filter((handler) => !matrix[handler])).toEqual([]);
  expect(Object.keys(matrix).filter((handler) => !handlers.includes(handler))).toEqual([]);
  tally('routesCovered', handlers.length);
});

function targetFor(scope: string, caseName: string) {
  if (scope === 'centre' || scope === 'staff-member') {
    const centreId = centreTargets[caseName as keyof typeof centreTargets];
    return { ...elderTargets.own, centreId };
  }
  if (scope === 'community') {
    const communityId = communityTargets[caseName as keyof typeof communityTargets];
    return { ...elderTargets.own, communityId };
  }
  // A booking the matrix's staff member is sent on is the own elder's.
  return elderTargets[(caseName === 'any' || caseName === 'assigned' ? 'own' : caseName) as keyof typeof elderTargets];
}

function expectedStatus(route: RouteDefinition, actor: Actor, caseName: string): number[] | 'success' {
  const spec = matrix[route.handler];
  if (route.roles === 'public') return 'success';
  if (actor === 'anonymous') return [401];
  if (!route.roles.includes(actor)) return [403];
  return allowed(spec.scope, actor, caseName, route.method === 'GET') ? 'success' : [refusalStatus(spec.scope)];
}

async function call(cell: Cell, plan: { method: string; path: string; body?: unknown }): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (cell.userId) headers.authorization = `Bearer ${await tokenFor(cell.userId)}`;
  if (plan.body !== undefined) headers['content-type'] = 'application/json';
  return api.raw({ method: plan.method, path: plan.path, headers, body: plan.body === undefined ? undefined : JSON.stringify(plan.body) });
}

for (const route of table) {
  const spec = matrix[route.handler];
  if (!spec) continue;
  describe(`${route.method} ${route.path}`, () => {
    for (const actor of allActors) {
      for (const caseName of casesOf[spec.scope]) {
        const expected = expectedStatus(route, actor, caseName);
        const label = expected === 'success' ? `succeeds (${spec.success.join('/')})` : `answers ${expected.join('/')}`;
        test(`${actor} on ${caseName} ${label}`, async () => {
          const cell: Cell = { actor, userId: actor === 'anonymous' ? undefined : actors[actor], case: caseName, target: targetFor(spec.scope, caseName) };
          const plan = await spec.plan(cell);
          const response = await call(cell, plan);
          try {
            if (expected === 'success') {
              // The body is part of the comparison so that a failure shows the error code.
              expect({ status: response.status, body: response.body }).toEqual({ status: spec.success.includes(response.status) ? response.status : spec.success[0], body: response.body });
            } else {
              expect(response.status).toBe(expected[0]);
              expect(response.body?.error?.code).toMatch(/^[A-Z_]+$/);
              expect(response.body?.error?.message).toMatch(/[\u4e00-\u9fff]/);
              for (const secret of plan.secrets ?? []) expect(response.text).not.toContain(secret);
            }
          } finally {
            await spec.cleanup?.(cell);
            tally('matrixCells');
          }
        });
      }
    }
  });
}
