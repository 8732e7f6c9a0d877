import { getUser } from '../../src/features/people/data/users';
import { getCommunity } from '../../src/features/people/data/org';
import { startApiServer, type ApiServer } from '../../src/local/api-server';
import { issueSessionToken, type Session } from '../../src/platform/session-token';

/**
 * The local API server, started in-process once per test file, and a small client for it. Because the
 * server runs in the test's own module registry, `setClock` from lib/clock moves the API's clock too.
 */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: T;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

type Caller = {
  get: <T = any>(path: string) => Promise<ApiResponse<T>>;
  delete: <T = any>(path: string) => Promise<ApiResponse<T>>;
  post: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
  patch: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
  put: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
};

const looksLikeToken = (value: string) => value.split('.').length === 3;

/** A token for a stored user, issued now (by the application clock), as the sign-in would issue it. */
export async function tokenFor(userId: string): Promise<string> {
  const user = await getUser(userId);
  if (!user) throw new Error(`No user ${userId} in the table`);
  const community = user.communityId ? await getCommunity(user.communityId) : undefined;
  const session: Session = {
    userId: user.userId,
    role: user.role,
    communityId: user.communityId,
    centreId: user.centreId ?? community?.centreId,
    countyId: user.countyId ?? community?.countyId,
    name: user.name,
  };
  return (await issueSessionToken(session)).token;
}

export interface Api {
  readonly url: string;
  raw(request: RawRequest): Promise<ApiResponse>;
  /** Calls as a stored user (a fresh token per request, so a moved clock never expires it) or with a given token. */
  as(userIdOrToken: string): Caller;
  anonymous: Caller;
}

async function send(url: string, request: RawRequest): Promise<ApiResponse> {
  const response = await fetch(url + request.path, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

function caller(url: string, authorization: () => Promise<string | undefined>): Caller {
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    const auth = await authorization();
    if (auth) headers.authorization = `Bearer ${auth}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return send(url, { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  return {
    get: (path) => call('GET', path),
    delete: (path) => call('DELETE', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    put: (path, body) => call('PUT', path, body),
  };
}

/** Starts the API for this file (beforeAll) and stops it (afterAll). Use the result inside tests only. */
export function useApi(): Api {
  let server: ApiServer | undefined;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const url = () => {
    if (!server) throw new Error('The API server is not running yet: call the API inside a test');
    return server.url;
  };
  return {
    get url() {
      return url();
    },
    raw: (request) => send(url(), request),
    as: (userIdOrToken) =>
      caller(url(), async () => (looksLikeToken(userIdOrToken) ? userIdOrToken : tokenFor(userIdOrToken))),
    get anonymous() {
      return caller(url(), async () => undefined);
    },
  };
}

/** The machine code of an error response. */
export const errorCode = (response: ApiResponse) => response.body?.error?.code as string | undefined;
