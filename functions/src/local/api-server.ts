import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handlerModule, routes, type RouteDefinition } from '../routes';

/**
 * Serves the route table's handlers over node:http, shaping each request as the API Gateway HTTP API
 * (payload v2) event the deployed functions receive. Used by `npm start` and by the tests.
 */
type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/** Larger bodies are cut off here; the handler chain refuses anything above its own, smaller limit. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const compiled = (routes as readonly RouteDefinition[]).map(compile);
const loaded = new Map<string, LambdaHandler>();

function handlerFor(route: RouteDefinition): LambdaHandler {
  let handler = loaded.get(route.handler);
  if (!handler) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = require(`../${handlerModule(route.handler)}`).handler as LambdaHandler;
    loaded.set(route.handler, handler);
  }
  return handler;
}

/** Loads every handler now rather than on its first request, so a broken handler fails at start. */
export function loadHandlers(): number {
  for (const { route } of compiled) handlerFor(route);
  return loaded.size;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_READ_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const matches = compiled.map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) })).filter((m) => m.match);
  if (matches.length === 0) {
    return send(res, 404, JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND', message: '没有这个功能。' } }));
  }
  const found = matches.find((m) => m.entry.route.method === method);
  if (!found || !found.match) {
    return send(res, 405, JSON.stringify({ error: { code: 'METHOD_NOT_ALLOWED', message: '不支持这种请求方式。' } }));
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    // The rest of the body is never read, so this connection cannot carry another request.
    return send(res, 413, JSON.stringify({ error: { code: 'BODY_TOO_LARGE', message: '提交的内容太多了，请精简后再试。' } }), { connection: 'close' });
  }
  const pathParameters: Record<string, string> = {};
  for (const [index, name] of found.entry.names.entries()) {
    const value = decodeSegment(found.match[index + 1]);
    if (value === undefined) {
      return send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有找到要找的内容。' } }));
    }
    pathParameters[name] = value;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const requestId = randomUUID();
  const { route } = found.entry;
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  };
  const context = {
    awsRequestId: requestId,
    functionName: route.handler,
    getRemainingTimeInMillis: () => 10_000,
  } as unknown as Context;
  const result = await handlerFor(route)(event, context);
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) responseHeaders[name] = String(value);
  res.writeHead(result.statusCode ?? 200, responseHeaders);
  // As API Gateway does: a body flagged base64 goes out as its bytes.
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(options: { port?: number; host?: string } = {}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试。' } }));
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
