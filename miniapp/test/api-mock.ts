import Taro from '@tarojs/taro'
import type { SessionResponse } from '@yilin/contract'
import type { Role } from '@yilin/contract'
import { saveSession } from '../src/lib/session'

/** A fake API behind `Taro.request`: routes are `METHOD /path` (query string ignored). */
export type Reply = { status: number; body?: unknown } | ((data: unknown) => { status: number; body?: unknown })

export interface RecordedCall {
  method: string
  url: string
  data: unknown
  header: Record<string, string>
}

export function mockApi(routes: Record<string, Reply>): RecordedCall[] {
  const calls: RecordedCall[] = []
  jest.mocked(Taro.request).mockImplementation(((options: { url: string; method: string; data: unknown; header: Record<string, string> }) => {
    calls.push({ method: options.method, url: options.url, data: options.data, header: options.header })
    const path = options.url.replace(/^\/api/, '').split('?')[0]
    const reply = routes[`${options.method} ${path}`]
    if (!reply) return Promise.resolve({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有这个接口' } } })
    const { status, body } = typeof reply === 'function' ? reply(options.data) : reply
    return Promise.resolve({ statusCode: status, data: body ?? '' })
  }) as never)
  return calls
}

export const apiError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } })

export function signIn(role: Role, name = '测试用户', userId = `u-${role}`): SessionResponse {
  const session: SessionResponse = {
    token: `token-${role}`,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId, role, name, communityId: 'c-xueyuan' },
  }
  saveSession(session)
  return session
}
