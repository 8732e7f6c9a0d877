import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routeFor, type HandlerName, type RouteDefinition } from '../routes';
import { config } from './config';
import { AppError, INTERNAL_ERROR, badRequest, forbidden, notFound, unauthorized } from './errors';
import { logger } from './logger';
import { count, publish } from './metrics';
import { verifySessionToken, type Session } from './session-token';
import { assertSessionStands } from '../features/people/standing';
import { emptyQuery, parseInput, type Schema } from './validation';
import { isTransientDataError } from './transient';

/**
 * The one middleware chain of every HTTP handler: request logging context, header normalisation,
 * body size limit, JSON parsing, session (for workers, staff and admins: that it still stands) and role check
 * from the route table, input validation, and error mapping (typed errors keep their code; anything else is a
 * generic 500, never leaked).
 */

export const MAX_BODY_BYTES = 16 * 1024;

export interface ApiRequest<Body, Query> {
  body: Body;
  query: Query;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** Present on every route that is not public. */
  session: Session;
  requestId: string;
}

export interface ApiResult {
  statusCode?: number;
  body?: unknown;
  /** A body sent as is (e.g. CSV), with its own content type in `headers`. */
  rawBody?: string;
  /** A binary body (e.g. xlsx), with its own content type in `headers`: sent base64-encoded, as API Gateway expects. */
  binaryBody?: Uint8Array;
  headers?: Record<string, string>;
}

/** RFC 5987 value for `filename*`: UTF-8, percent-encoded, including the characters encodeURIComponent keeps. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `content-disposition` of a download: an ASCII name for old clients, the real (Chinese) name for the rest. */
/** The content type of an xlsx workbook, which WeChat's openDocument shows on a phone. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const attachment = (asciiName: string, fileName: string) => `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(fileName)}`;

interface HandlerOptions<Body, Query> {
  body?: Schema<Body>;
  query?: Schema<Query>;
}

type Event = APIGatewayProxyEventV2 & { session?: Session; parsedQuery?: unknown };

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function errorResult(statusCode: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  return { statusCode, headers: { ...jsonHeaders, ...extraHeaders }, body: JSON.stringify(body) };
}

const PATH_PARAMETER = /^[0-9A-Za-z_-]{1,40}$/;

function routeGuard(route: RouteDefinition): middy.MiddlewareObj<Event> {
  return {
    before: async ({ event }) => {
      if (route.localOnly && !config.isLocal) throw notFound('ROUTE_NOT_FOUND', '没有这个功能。');
      for (const value of Object.values(event.pathParameters ?? {})) {
        if (!value || !PATH_PARAMETER.test(value)) throw notFound('NOT_FOUND', '没有找到要找的内容。');
      }
      const length = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
      if (length > (route.maxBodyBytes ?? MAX_BODY_BYTES)) {
        throw new AppError(413, 'BODY_TOO_LARGE', '提交的内容太多了，请精简后再试。');
      }
      if (route.roles === 'public') return;
      const header = event.headers?.authorization ?? '';
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match) throw unauthorized('SESSION_REQUIRED', '请先登录。');
      const session = await verifySessionToken(match[1]);
      // A moved or retired worker's token is refused within a minute, not at its expiry.
      await assertSessionStands(session);
      if (!route.roles.includes(session.role)) {
        throw forbidden('ROLE_NOT_ALLOWED', '您的账号没有使用这个功能的权限。');
      }
      event.session = session;
    },
  };
}

function bodyRequired(): middy.MiddlewareObj<Event> {
  return {
    before: async ({ event }) => {
      if (event.body === undefined || event.body === null || event.body === '') {
        throw badRequest('BODY_REQUIRED', '请填写内容后再提交。');
      }
    },
  };
}

function errorResponses(handlerName: string): middy.MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> {
  return {
    before: async ({ event, context }) => {
      logger.appendKeys({ requestId: context.awsRequestId, route: handlerName, method: event.requestContext?.http?.method });
    },
    onError: async (request) => {
      const error = request.error as Error & { statusCode?: number; cause?: { package?: string } };
      if (error instanceof AppError) {
        if (error.statusCode >= 500) logger.warn('request failed', { code: error.code });
        const retry = error.statusCode === 503 || error.statusCode === 429 ? { 'retry-after': String(error.details?.retryAfterSeconds ?? 2) } : undefined;
        request.response = errorResult(error.statusCode, { error: { code: error.code, message: error.message, details: error.details } }, retry);
      } else if (error.cause?.package === '@middy/http-json-body-parser') {
        request.response =
          error.message === 'Unsupported Media Type'
            ? errorResult(415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交（Content-Type: application/json）。' } })
            : errorResult(400, { error: { code: 'MALFORMED_JSON', message: '提交的内容无法识别，请检查后重试。' } });
      } else if (isTransientDataError(error)) {
        logger.warn('data store unavailable', { error: error.name });
        request.response = errorResult(
          503,
          { error: { code: 'SERVICE_BUSY', message: '系统繁忙，请稍等几秒再试。', details: { retryAfterSeconds: 2 } } },
          { 'retry-after': '2' },
        );
      } else {
        logger.error('unhandled error', error);
        request.response = errorResult(500, INTERNAL_ERROR);
      }
      if ((request.response?.statusCode ?? 500) >= 500) count('ServerError');
      publish();
      logger.resetKeys();
    },
    after: async () => {
      publish();
      logger.resetKeys();
    },
  };
}

/** Wraps a domain call as a Lambda handler for the route registered under `handlerName`. */
export function httpHandler<Body = undefined, Query = Record<string, never>>(
  handlerName: HandlerName,
  options: HandlerOptions<Body, Query>,
  run: (request: ApiRequest<Body, Query>) => Promise<ApiResult | void>,
) {
  const route = routeFor(handlerName);
  const chain = middy<Event, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(errorResponses(handlerName))
    .use(httpHeaderNormalizer())
    .use(routeGuard(route));
  if (options.body) chain.use(bodyRequired()).use(httpJsonBodyParser({ disableContentTypeError: false }));
  return chain.handler(async (event, context) => {
    const body = options.body ? parseInput(options.body, event.body) : (undefined as Body);
    const query = parseInput<unknown>(options.query ?? emptyQuery, event.queryStringParameters ?? {}) as Query;
    const result = (await run({
      body,
      query,
      params: (event.pathParameters ?? {}) as Record<string, string>,
      headers: event.headers ?? {},
      session: event.session as Session,
      requestId: context.awsRequestId,
    })) ?? { statusCode: 204 };
    const statusCode = result.statusCode ?? 200;
    const headers = { ...jsonHeaders, ...result.headers };
    // API Gateway (HTTP API, payload 2.0) decodes a base64 body flagged so and sends the bytes.
    if (result.binaryBody) return { statusCode, headers, body: Buffer.from(result.binaryBody).toString('base64'), isBase64Encoded: true };
    return { statusCode, headers, body: result.rawBody ?? (result.body === undefined ? '' : JSON.stringify(result.body)) };
  });
}
