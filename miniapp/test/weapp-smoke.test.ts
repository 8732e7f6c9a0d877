/**
 * @jest-environment node
 *
 * Builds the WeChat bundle and runs it in plain Node with a stubbed `wx`, `App`, `Page` and
 * `Component`: the app and its pages must register, render a tree through setData and react to a tap.
 * WXML itself is not rendered here; WeChat DevTools does that.
 */
import * as fs from 'fs'
import * as path from 'path'
import { buildWeappCopy } from './weapp/build'
import { PRIVACY_NOTICE_VERSION } from '@yilin/contract'

const miniappRoot = path.resolve(__dirname, '..')
/** The private copy of the build this file runs (see weapp/build.ts). */
let distRoot = path.join(miniappRoot, 'dist', 'weapp')

type Json = Record<string, unknown>
interface TaroNode {
  sid?: string
  v?: string
  cn?: TaroNode[]
  [key: string]: unknown
}

const storage = new Map<string, unknown>()
const requests: Array<{ url: string; method: string; data: unknown; header: Json }> = []
const navigations: Array<{ api: string; url?: string }> = []
let apiReplies: Record<string, { statusCode: number; data: unknown }> = {}
let appConfig: Json | undefined
const pageConfigs: Json[] = []
/** The open page stack, as `getCurrentPages()` reports it (page-meta writes through it). */
const pageStack: Json[] = []

/** `a.b.[0].c` → nested assignment, as the mini-program's setData does. */
function setPath(target: Json, keyPath: string, value: unknown) {
  const keys = keyPath.split('.').map((key) => (/^\[\d+\]$/.test(key) ? Number(key.slice(1, -1)) : key))
  let node = target as Record<string | number, unknown>
  keys.slice(0, -1).forEach((key, index) => {
    if (node[key] === undefined || node[key] === null) node[key] = typeof keys[index + 1] === 'number' ? [] : {}
    node = node[key] as Record<string | number, unknown>
  })
  node[keys[keys.length - 1]] = value
}

function stubMiniProgramGlobals() {
  const wx: Json = {
    getSystemInfoSync: () => ({ fontSizeSetting: 20, platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.6.0' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    request: (options: { url: string; method: string; data: unknown; header: Json; success: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      requests.push({ url: options.url, method: options.method, data: options.data, header: options.header })
      const reply = apiReplies[`${options.method} ${options.url}`] ?? { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有' } } }
      setTimeout(() => {
        options.success({ ...reply, header: {} })
        options.complete?.(reply)
      }, 0)
      return { abort() {} }
    },
    login: (options: { success: (r: unknown) => void }) => options.success({ code: 'wx-code', errMsg: 'login:ok' }),
    reLaunch: (options: { url: string; success?: () => void }) => {
      navigations.push({ api: 'reLaunch', url: options.url })
      options.success?.()
    },
    navigateTo: (options: { url: string; success?: () => void }) => {
      navigations.push({ api: 'navigateTo', url: options.url })
      options.success?.()
    },
    navigateBack: () => navigations.push({ api: 'navigateBack' }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
  }
  Object.assign(globalThis, {
    wx,
    App: (config: Json) => {
      appConfig = config
    },
    Page: (config: Json) => {
      pageConfigs.push(config)
    },
    Component: () => undefined,
    getApp: () => appConfig,
    getCurrentPages: () => pageStack,
  })
}

function allNodes(node: unknown): TaroNode[] {
  if (!node || typeof node !== 'object') return []
  const current = node as TaroNode
  return [current, ...(current.cn ?? []).flatMap(allNodes)]
}

const textOf = (node: unknown) =>
  allNodes(node)
    .map((n) => n.v ?? '')
    .join('')

/** Instantiates a compiled page the way the mini-program framework would, and shows it. */
function openPage(route: string, query: Record<string, string> = {}) {
  const before = pageConfigs.length
  require(path.join(distRoot, route))
  expect(pageConfigs.length).toBe(before + 1)
  const config = pageConfigs[before]
  const page: Json & { data: Json } = {
    ...config,
    data: {},
    route,
    __route__: route,
    options: query,
    setData(update: Json, callback?: () => void) {
      Object.entries(update).forEach(([key, value]) => setPath(this.data, key, value))
      callback?.()
    },
  }
  pageStack.push(page)
  const call = (name: string, ...args: unknown[]) => (page[name] as ((...a: unknown[]) => void) | undefined)?.apply(page, args)
  call('onLoad', query)
  call('onShow')
  call('onReady')
  return {
    page,
    text: () => textOf(page.data.root),
    /** Taps the innermost element (not a bare text node) whose text contains `label`. */
    tap(label: string) {
      const candidates = allNodes(page.data.root).filter((n) => n.sid && n.cn && textOf(n).includes(label))
      const target = candidates[candidates.length - 1]
      expect(target).toBeDefined()
      call('eh', { type: 'tap', timeStamp: Date.now(), target: { id: target!.sid, dataset: {} }, currentTarget: { id: target!.sid, dataset: {} }, detail: {} })
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

async function waitForText(read: () => string, expected: string) {
  for (let i = 0; i < 100 && !read().includes(expected); i += 1) await settle()
  expect(read()).toContain(expected)
}

describe('compiled WeChat bundle', () => {
  beforeAll(() => {
    distRoot = buildWeappCopy()
    stubMiniProgramGlobals()
    require(path.join(distRoot, 'app.js'))
  }, 150_000)
  afterAll(() => fs.rmSync(distRoot, { recursive: true, force: true }))

  it('registers the app with the main pages and the worker, volunteer, admin and staff subpackages', () => {
    expect(appConfig).toBeDefined()
    const appJson = JSON.parse(fs.readFileSync(path.join(distRoot, 'app.json'), 'utf8'))
    expect(appJson.pages).toEqual([
      'pages/login/index',
      'pages/home/index',
      'pages/canteen/index',
      'pages/orders/index',
      'pages/profile/index',
      'pages/elders/index',
      'pages/binding/index',
      'pages/claim/index',
      'pages/staff-claim/index',
      'pages/account/index',
      'pages/legal/index',
      'pages/services/index',
      'pages/book/index',
      'pages/bookings/index',
      'pages/booking/index',
      'pages/health/index',
      'pages/wishes/index',
      'pages/wish-post/index',
      'pages/wish/index',
      'pages/points/index',
      'pages/access-log/index',
      'pages/sos/index',
      'pages/messages/index',
      'pages/my-data/index',
      'pages/close-account/index',
    ])
    // Privacy APIs (the nickname box) wait for the person's consent, which the app asks for itself.
    expect(appJson.__usePrivacyCheck__).toBe(true)
    // The SOS button's location: declared, with the reason WeChat shows when it asks.
    expect(appJson.requiredPrivateInfos).toEqual(['getLocation'])
    expect(appJson.permission['scope.userLocation'].desc).toContain('紧急求助')
    expect(appJson.subPackages[0].pages).toEqual([
      'elders/index',
      'elder/index',
      'board/index',
      'menus/index',
      'statement/index',
      'volunteers/index',
      'import/index',
      'register/index',
      'dispatch/index',
      'booking/index',
      'services/index',
      'staff/index',
      'wishes/index',
      'wish/index',
      'store/index',
      'wish-settings/index',
      'points/index',
      'dashboard/index',
      'audit/index',
      'alerts/index',
    ])
    expect(appJson.subPackages.map((p: { root: string }) => p.root)).toEqual(['worker', 'volunteer', 'admin', 'staff'])
    expect(appJson.subPackages.find((p: { root: string }) => p.root === 'admin').pages).toEqual(['index', 'pricing/index', 'org/index', 'workers/index', 'dashboard/index', 'report/index', 'audit/index', 'alerts/index'])
    expect(appJson.subPackages.find((p: { root: string }) => p.root === 'staff').pages).toEqual(['index', 'visit/index'])
    expect(appJson.subPackages.find((p: { root: string }) => p.root === 'volunteer').pages).toEqual(['sign-up/index', 'wall/index', 'wish/index', 'mine/index', 'leaderboard/index'])
  })

  it('keeps the main package far below the 2 MB limit', () => {
    const sizeOf = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) return ['worker', 'admin', 'staff'].includes(entry.name) && dir === distRoot ? sum : sum + sizeOf(full)
        return sum + fs.statSync(full).size
      }, 0)
    expect(sizeOf(distRoot)).toBeLessThan(1024 * 1024)
  })

  it('the sign-in page renders the WeChat sign-in button and signs in with the wx.login code', async () => {
    apiReplies = {
      'POST https://api.yilin.invalid/auth/wechat': {
        statusCode: 200,
        data: { token: 'tok-w', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId: 'u1', role: 'elder', name: '王秀兰' } },
      },
    }
    const login = openPage('pages/login/index')
    await waitForText(login.text, '微信一键登录')
    expect(login.text()).toContain('颐邻')

    login.tap('我已阅读并同意')
    await waitForText(login.text, '☑ 我已阅读并同意')
    login.tap('微信一键登录')
    for (let i = 0; i < 100 && !navigations.some((n) => n.api === 'reLaunch'); i += 1) await settle()
    // The tick is kept with the notice's version as soon as the session exists.
    expect(requests.slice(-2)).toMatchObject([
      { method: 'POST', url: 'https://api.yilin.invalid/auth/wechat', data: { code: 'wx-code' } },
      { method: 'POST', url: 'https://api.yilin.invalid/me/consents/privacy', data: { version: PRIVACY_NOTICE_VERSION } },
    ])
    expect(navigations.at(-1)).toEqual({ api: 'reLaunch', url: '/pages/home/index' })
    expect((storage.get('yilin.session') as { token: string }).token).toBe('tok-w')
  })

  it('the home page of an elder shows their tiles and sends the session token', async () => {
    storage.set('yilin.session', { token: 'tok-w', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId: 'u1', role: 'elder', name: '王秀兰' } })
    apiReplies = {
      'GET https://api.yilin.invalid/me': {
        statusCode: 200,
        data: { user: { userId: 'u1', role: 'elder', name: '王秀兰' }, community: { communityId: 'c1', name: '学院路社区', centreName: '学院路中心' } },
      },
    }
    const home = openPage('pages/home/index')
    await waitForText(home.text, '我的资料')
    expect(home.text()).toContain('王秀兰，您好')
    expect(home.text()).toContain('学院路社区')
    expect(home.text()).toContain('家人绑定')
    expect(home.text()).not.toContain('本社区长辈')
    expect(requests.at(-1)?.header.Authorization).toBe('Bearer tok-w')
    // The page root font follows WeChat's font-size setting (20px in the stub).
    const { root: _root, ...transferred } = home.page.data
    expect(JSON.stringify(transferred)).toContain('20px')

    home.tap('退出登录')
    expect(navigations.at(-1)).toEqual({ api: 'reLaunch', url: '/pages/login/index' })
    expect(storage.has('yilin.session')).toBe(false)
  })

  it('the 长辈本人登录 page of a new account renders the code entry and refuses an empty code on the page', async () => {
    storage.set('yilin.session', { token: 'tok-f', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId: 'u2', role: 'family', name: '微信用户' } })
    const before = requests.length
    const claim = openPage('pages/claim/index')
    await waitForText(claim.text, '我是长辈本人')
    claim.tap('确定，我是长辈本人')
    await waitForText(claim.text, '请输入 6 位数字登录码')
    expect(requests.length).toBe(before)
  })
})
