import Taro from '@tarojs/taro'
import { clearSession, currentSession } from '../lib/session'
import { LOGIN_URL } from '../lib/navigation'

/** Replaced at build time (see config/index.ts); `/api` is the same-origin H5 default. */
const API_BASE: string = process.env.TARO_APP_API_BASE || '/api'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A failed call, carrying the server's machine code and its Chinese message, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> }
}

/** The full address of an API path, for downloads that do not go through {@link request}. */
export const apiUrl = (path: string) => `${API_BASE}${path}`

/** The signed-in person's Authorization header, if any. */
export function authHeader(): Record<string, string> {
  const session = currentSession()
  return session ? { Authorization: `Bearer ${session.token}` } : {}
}

export async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
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
  const error = (data as ErrorBody | undefined)?.error
  if (statusCode === 401) {
    // The token is gone or expired: start again from sign-in rather than leave the person stuck.
    clearSession()
    void Taro.reLaunch({ url: LOGIN_URL })
    throw new ApiError(401, error?.code ?? 'UNAUTHORIZED', error?.message ?? SESSION_EXPIRED_MESSAGE)
  }
  throw new ApiError(statusCode, error?.code ?? 'HTTP_ERROR', error?.message ?? FALLBACK_MESSAGE, error?.details)
}

/** The message to show a person for anything a call may throw. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_MESSAGE
}
