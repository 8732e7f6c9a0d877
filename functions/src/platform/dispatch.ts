import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The handler of a function that serves several routes (one per feature and grant): API Gateway names
 * the route of each request (`routeKey`, e.g. `GET /elders/{elderId}`), and the request goes to that
 * route's handler, with its own middleware chain. A route the function does not serve is answered 404.
 */
export function dispatcher(handlers: Record<string, RouteHandler>): RouteHandler {
  return async (event, context) => {
    const handler = handlers[event.routeKey];
    if (handler) return handler(event, context);
    return {
      statusCode: 404,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND', message: '没有这个功能。' } }),
    };
  };
}
