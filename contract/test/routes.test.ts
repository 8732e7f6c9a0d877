import { pathFor, routeFor, routes } from '../src';

describe('the route table', () => {
  test('each handler serves exactly one route, and each method and path has one handler', () => {
    expect(new Set(routes.map((route) => route.handler)).size).toBe(routes.length);
    expect(new Set(routes.map((route) => `${route.method} ${route.path}`)).size).toBe(routes.length);
  });

  test('GET and DELETE routes take no body', () => {
    const withBody = routes.filter((route) => (route.method === 'GET' || route.method === 'DELETE') && 'body' in route);
    expect(withBody.map((route) => route.handler)).toEqual([]);
  });

  test('routeFor finds a route by its handler and refuses an unknown one', () => {
    expect(routeFor('canteen/place-order')).toMatchObject({ method: 'POST', path: '/elders/{elderId}/orders' });
    expect(() => routeFor('nope/nothing' as never)).toThrow('No route for handler nope/nothing');
  });
});

describe('pathFor: a path with its parameters filled in', () => {
  test('every parameter is percent-encoded, so an id cannot change the path', () => {
    expect(pathFor('/elders/{elderId}/bindings/{familyId}', { elderId: 'e 1', familyId: 'a/b?c' })).toBe('/elders/e%201/bindings/a%2Fb%3Fc');
  });

  test('a path without parameters stays as it is', () => {
    expect(pathFor('/me', {})).toBe('/me');
  });

  test('a missing parameter is an error, not "undefined" in the path', () => {
    expect(() => pathFor('/orders/{orderId}', {} as never)).toThrow('Missing path parameter orderId');
  });
});
