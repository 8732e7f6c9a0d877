/**
 * What every file of rendered weapp pages shares: the switch that runs it only in the `miniapp-weapp`
 * jest project, one build installed per file, one page open at a time, and the checks every page gets.
 */
import type { Role } from '@yilin/contract'
import { answer, buildWeapp, installWeapp, navigations, openPage, removeWeappCopy, requests, storage, type OpenPage } from './harness'

const inWeappProject = (globalThis as { WEAPP_RENDER?: boolean }).WEAPP_RENDER === true

export function signIn(role: Role, userId: string, name: string) {
  storage.clear()
  storage.set('yilin.session', { token: `tok-${userId}`, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId, role, name, communityId: 'c-xueyuan' } })
}

export const ok = (body: unknown) => ({ status: 200, body })
export const lastRequest = () => requests[requests.length - 1]

/** `<page-meta>` is the page's first node and carries the root font size from WeChat's font setting. */
export function expectPageMeta(page: OpenPage) {
  expect(page.root.firstElementChild?.tagName.toLowerCase()).toBe('wx-page-meta')
  expect((page.component.instance.data.pageMeta as { p7?: string } | undefined)?.p7).toBe('20px')
}

/**
 * A describe block over the compiled bundle: builds and installs it once, clears the recorded requests
 * and canned answers before each test and closes the page after it. Answers the function that opens a page.
 */
export function describeCompiledPages(title: string, tests: (show: (route: string, query?: Record<string, string>) => OpenPage) => void) {
  let open: OpenPage | undefined
  const show = (route: string, query: Record<string, string> = {}) => {
    open = openPage(route, query)
    return open
  }
  ;(inWeappProject ? describe : describe.skip)(title, () => {
    beforeAll(() => {
      buildWeapp()
      installWeapp()
    }, 150_000)

    afterAll(() => removeWeappCopy())

    beforeEach(() => {
      requests.length = 0
      navigations.length = 0
      answer({})
    })

    afterEach(() => {
      open?.close()
      open = undefined
    })

    tests(show)
  })
}
