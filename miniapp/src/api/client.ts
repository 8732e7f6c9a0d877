import Taro from '@tarojs/taro'
import {
  pathFor,
  routeFor,
  type ErrorBody,
  type ErrorCode,
  type HandlerName,
  type HttpMethod,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '@yilin/contract'
import { currentSession, interruptSession, saveSession, storedSession, type Interrupted } from '../lib/session'
import { LOGIN_URL, queryString } from '../lib/navigation'

/** Replaced at build time (see config/index.ts); `/api` is the same-origin H5 default. */
const API_BASE: string = process.env.TARO_APP_API_BASE || '/api'

/** Codes of failures the API never answered with a code of its own: no network, or an answer without one. */
export type ClientErrorCode = 'NETWORK' | 'UNAUTHORIZED' | 'HTTP_ERROR'

/** A failed call, carrying the server's machine code and its Chinese message, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const NETWORK_MESSAGE = '网络连不上，请检查手机网络后再试一次。'
const FALLBACK_MESSAGE = '系统开小差了，请稍后再试。'
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录。'

/** The full address of an API path, for downloads that do not go through {@link call}. */
export const apiUrl = (path: string) => `${API_BASE}${path}`

/** The signed-in person's Authorization header, if any. */
export function authHeader(): Record<string, string> {
  const session = currentSession()
  return session ? { Authorization: `Bearer ${session.token}` } : {}
}

/**
 * What a call of a route takes, all checked against the route table: its path parameters, its JSON body
 * and its query, each required when the route has them and refused when it has none.
 */
type ParamsInput<H extends HandlerName> = keyof RouteParams<H> extends never ? { params?: never } : { params: RouteParams<H> }
type BodyInput<H extends HandlerName> = [RouteBody<H>] extends [undefined] ? { body?: never } : { body: RouteBody<H> }
// `{} extends T` asks whether every field of T is optional; `{}` is meant as the empty object here.
/* eslint-disable @typescript-eslint/no-empty-object-type */
type QueryInput<H extends HandlerName> = [RouteQuery<H>] extends [undefined]
  ? { query?: never }
  : {} extends RouteQuery<H>
    ? { query?: RouteQuery<H> }
    : { query: RouteQuery<H> }
export type CallInput<H extends HandlerName> = ParamsInput<H> & BodyInput<H> & QueryInput<H>
type CallArgs<H extends HandlerName> = {} extends CallInput<H> ? [input?: CallInput<H>] : [input: CallInput<H>]
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** The path of a route with its parameters filled in, for downloads that do not go through {@link call}. */
export const routePath = <H extends HandlerName>(handler: H, params: RouteParams<H>) => pathFor<string>(routeFor(handler).path, params)

/** Calls the route served by `handler`: `call('canteen/place-order', { params: { elderId }, body })`. */
export function call<H extends HandlerName>(handler: H, ...[input]: CallArgs<H>): Promise<RouteResponse<H>> {
  return send(handler, input, { needsSession: routeFor(handler).roles !== 'public' })
}

/**
 * Calls the route that closes the person's own account. Asked again after the closing went through (its
 * answer lost on the way), it is refused 401 ACCOUNT_CLOSED: that error is the caller's, to show the closing
 * done, instead of the person being sent to sign in as from any other page.
 */
export function callClosingAccount<H extends HandlerName>(handler: H, ...[input]: CallArgs<H>): Promise<RouteResponse<H>> {
  return send(handler, input, { needsSession: true, closesAccount: true })
}

function send<H extends HandlerName>(handler: H, input: CallInput<H> | undefined, sending: Sending): Promise<RouteResponse<H>> {
  const route = routeFor(handler)
  const { params, body, query } = (input ?? {}) as { params?: Record<string, string>; body?: unknown; query?: Record<string, string | undefined> }
  const path = pathFor<string>(route.path, params ?? {}) + queryString(query ?? {})
  return request<RouteResponse<H>>(route.method, path, body, sending)
}

interface Sending {
  needsSession: boolean
  /** The call closes the account: ACCOUNT_CLOSED means it is closed already, for the caller to say. */
  closesAccount?: boolean
  /** Sent again with a renewed session. */
  isRetry?: boolean
}

/** The refusals a new session can cure: none sent (ours lapsed on the phone), a bad one, an expired one. */
const sessionRefusals: ReadonlySet<string> = new Set<ErrorCode>(['SESSION_REQUIRED', 'SESSION_INVALID', 'SESSION_EXPIRED'])

/** Why the person is sent to sign in without a renewal: their post changed, or their account was closed. */
const refusalReasons: Partial<Record<ErrorCode, Interrupted['reason']>> = { SESSION_REVOKED: 'revoked', ACCOUNT_CLOSED: 'closed' }

/**
 * Sends a request. A route that needs a session and is refused for it is sent once more with a renewed
 * session, unchanged (an order keeps its idempotency key, so it is still placed once); failing that, the
 * person is sent to sign in.
 */
async function request<T>(method: HttpMethod, path: string, body: unknown, sending: Sending): Promise<T> {
  const { needsSession, closesAccount = false, isRetry = false } = sending
  const sentWith = currentSession()?.token
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...authHeader() }

  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>
  try {
    response = await Taro.request({ url: apiUrl(path), method, header, data: body, dataType: 'json', timeout: 15000 })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }

  const { statusCode, data } = response
  if (statusCode >= 200 && statusCode < 300) {
    return (statusCode === 204 ? undefined : data) as T
  }
  const error = (data as { error?: Partial<ErrorBody['error']> } | undefined)?.error
  if (statusCode === 401 && needsSession) {
    const renewable = !isRetry && error?.code !== undefined && sessionRefusals.has(error.code)
    if (renewable && (await sessionRenewedSince(sentWith))) return request<T>(method, path, body, { ...sending, isRetry: true })
    // A moved or retired worker is not signed in again silently: their pages may no longer be theirs. Nor is
    // a closed account (a new one would start), unless the closing itself was asked again: its page says it is done.
    if (!renewable && !(closesAccount && error?.code === 'ACCOUNT_CLOSED')) endSession(error?.code ? refusalReasons[error.code] : undefined)
    throw new ApiError(401, error?.code ?? 'UNAUTHORIZED', error?.message ?? SESSION_EXPIRED_MESSAGE)
  }
  throw new ApiError(statusCode, error?.code ?? 'HTTP_ERROR', error?.message ?? FALLBACK_MESSAGE, error?.details)
}

/** The renewal under way: requests refused together wait for the same one. */
let renewal: Promise<boolean> | null = null

/** Whether there is a session newer than the refused one, renewing it unless another request already has. */
function sessionRenewedSince(refusedToken: string | undefined): Promise<boolean> {
  const current = currentSession()
  if (current && current.token !== refusedToken) return Promise.resolve(true)
  renewal ??= renewSession().finally(() => {
    renewal = null
  })
  return renewal
}

/**
 * In WeChat a fresh `wx.login` code signs the same person in again without a word. Anything else ends
 * the session; only a lost network does not (the person can simply try again, nothing is lost).
 */
async function renewSession(): Promise<boolean> {
  const previous = storedSession()
  if (process.env.TARO_ENV === 'weapp' && previous) {
    try {
      const { code } = await Taro.login()
      const session = await call('auth/wechat-login', { body: { code } })
      // Someone else behind this WeChat account would see another person's page: they sign in knowingly.
      if (session.user.userId === previous.user.userId) {
        saveSession(session)
        return true
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NETWORK') throw err
    }
  }
  endSession()
  return false
}

/** Starts again from sign-in rather than leave the person stuck, keeping what they were doing (unless their post changed). */
function endSession(reason?: Interrupted['reason']): void {
  interruptSession(reason)
  void Taro.reLaunch({ url: LOGIN_URL })
}

/** Problems by field name, as the API names them (`phone`, `emergencyContacts.0.phone`, `measurements.pulse`). */
export type FieldErrors = Record<string, string>

/** The server's problems by field, from a 400 answer's `details.fields`: the first one for each field. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const fields = error instanceof ApiError ? error.details?.fields : undefined
  if (!Array.isArray(fields)) return {}
  const errors: FieldErrors = {}
  for (const problem of fields as Array<{ field?: unknown; message?: unknown }>) {
    if (typeof problem.field === 'string' && typeof problem.message === 'string') errors[problem.field] ??= problem.message
  }
  return errors
}

/** The message to show a person for anything a call may throw. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_MESSAGE
}
