/**
 * Runs the compiled WeChat bundle (dist/weapp) inside WeChat's test kit, miniprogram-simulate: the page
 * WXML is compiled by WeChat's `wcc`, rendered into jsdom and driven through the mini-program's own
 * event path. `wx` is a stub with canned API answers; built-in components are stubs and nothing is laid
 * out, so these tests see text and behaviour, not looks.
 */
import * as fs from 'fs'
import * as path from 'path'
import { buildWeappCopy } from './build'

export const miniappRoot = path.resolve(__dirname, '..', '..')
const buildRoot = path.join(miniappRoot, 'dist', 'weapp')
export const apiBase = 'https://api.yilin.invalid'
/** The copy of the build these tests run (see `buildWeapp`). */
let distRoot = buildRoot

type Json = Record<string, unknown>
type Handler = (...args: unknown[]) => unknown

/** A canned answer: `{ status, body }`, or a function of the request body. */
export type Reply = { status: number; body?: unknown } | ((data: unknown) => { status: number; body?: unknown })

export interface RecordedRequest {
  method: string
  url: string
  data: unknown
  header: Record<string, string>
}

export const storage = new Map<string, unknown>()
export const requests: RecordedRequest[] = []
export const navigations: Array<{ api: string; url?: string }> = []
export const toasts: string[] = []
export const modals: Array<{ title?: string; content?: string }> = []
/** What the pages asked `wx.createSelectorQuery` for, e.g. `{ selector: '#health-pressure', ask: 'node' }`. */
export const selectorQueries: Array<{ selector: string; ask: string }> = []
let routes: Record<string, Reply> = {}
/** The open page stack, as `getCurrentPages()` reports it. */
const pageStack: Json[] = []
let routeBeingLoaded = ''

/** Routes are `METHOD /path` under the API base, query string ignored; anything else answers 404. */
/**
 * Adds APIs the harness's `wx` has not got (makePhoneCall, downloadFile …). Taro builds its API object from the
 * keys `wx` has when the bundle loads, and the harness assigns its stub to `globalThis.wx` as it installs the
 * bundle: this setter adds the APIs to the stub first. Call it at the top of a test file.
 */
export function addToWx(apis: Record<string, unknown>): void {
  let stub: Record<string, unknown> | undefined
  Object.defineProperty(globalThis, 'wx', {
    configurable: true,
    get: () => stub,
    set: (next: Record<string, unknown>) => {
      stub = Object.assign(next, apis)
    },
  })
}

export function answer(next: Record<string, Reply>) {
  routes = next
}

/** Every file the app and its main-package pages need, so a copy can be checked for completeness. */
function missingFiles(root: string): string[] {
  const appJson = path.join(root, 'app.json')
  if (!fs.existsSync(appJson)) return ['app.json']
  const pages = (JSON.parse(fs.readFileSync(appJson, 'utf8')) as { pages: string[] }).pages
  const needed = ['app.js', 'base.wxml', 'utils.wxs', 'comp.js', 'comp.json', 'comp.wxml', ...pages.flatMap((page) => ['js', 'json', 'wxml'].map((ext) => `${page}.${ext}`))]
  return needed.filter((file) => !fs.existsSync(path.join(root, file)))
}

/** Builds the weapp bundle and runs a private copy of it (see ./build.ts), checked for completeness. */
export function buildWeapp() {
  const copy = buildWeappCopy()
  const missing = missingFiles(copy)
  if (missing.length > 0) throw new Error(`the weapp build lacks ${missing.join(', ')}`)
  distRoot = copy
}

/** Removes the private copy of the build. */
export function removeWeappCopy() {
  if (distRoot !== buildRoot) fs.rmSync(distRoot, { recursive: true, force: true })
  distRoot = buildRoot
}

function call(options: Json, name: string, result: unknown) {
  ;(options[name] as Handler | undefined)?.(result)
}

function stubWx(): Json {
  const navigate = (api: string) => (options: Json) => {
    navigations.push({ api, url: options.url as string | undefined })
    call(options, 'success', { errMsg: `${api}:ok` })
    call(options, 'complete', { errMsg: `${api}:ok` })
  }
  // Own enumerable keys: Taro builds its API object from them. There is deliberately no deprecated
  // getSystemInfoSync: the font setting must come through getAppBaseInfo.
  return {
    getAppBaseInfo: () => ({ SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', fontSizeSetting: 20, fontSizeScaleFactor: 1.25 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, screenWidth: 375, screenHeight: 667, statusBarHeight: 20 }),
    getDeviceInfo: () => ({ platform: 'devtools', system: 'iOS 17', brand: 'devtools', model: 'iPhone' }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    request: (options: Json) => {
      const method = (options.method as string | undefined) ?? 'GET'
      const url = options.url as string
      requests.push({ method, url, data: options.data, header: (options.header as Record<string, string>) ?? {} })
      const route = `${method} ${url.replace(apiBase, '').split('?')[0]}`
      const reply = routes[route]
      const { status, body } = !reply ? { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有这个接口' } } } : typeof reply === 'function' ? reply(options.data) : reply
      setTimeout(() => {
        const response = { statusCode: status, data: body ?? '', header: {}, errMsg: 'request:ok' }
        call(options, 'success', response)
        call(options, 'complete', response)
      }, 0)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    login: (options: Json) => call(options, 'success', { code: 'wx-code', errMsg: 'login:ok' }),
    reLaunch: navigate('reLaunch'),
    redirectTo: navigate('redirectTo'),
    navigateTo: navigate('navigateTo'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    showToast: (options: Json) => {
      toasts.push(options.title as string)
      call(options, 'success', { errMsg: 'showToast:ok' })
    },
    hideToast: () => undefined,
    showLoading: () => undefined,
    hideLoading: () => undefined,
    showModal: (options: Json) => {
      modals.push({ title: options.title as string | undefined, content: options.content as string | undefined })
      call(options, 'success', { confirm: true, cancel: false, errMsg: 'showModal:ok' })
    },
    setClipboardData: (options: Json) => call(options, 'success', { errMsg: 'setClipboardData:ok' }),
    pageScrollTo: (options: Json) => call(options, 'success', { errMsg: 'pageScrollTo:ok' }),
    createSelectorQuery: () => {
      // Nothing is laid out in the kit, so every answer is null, as WeChat answers for an element not on
      // screen; what was asked is recorded (a canvas is found by its id and asked for its `node`).
      const asked: Array<{ selector: string; ask: string }> = []
      let selector = ''
      const choose = (next: string) => {
        selector = next
        return query
      }
      const ask = (what: string) => () => {
        asked.push({ selector, ask: what })
        return query
      }
      const query = {
        select: (next: string) => choose(next),
        selectAll: (next: string) => choose(next),
        selectViewport: () => choose('viewport'),
        in: () => query,
        node: ask('node'),
        boundingClientRect: ask('boundingClientRect'),
        scrollOffset: ask('scrollOffset'),
        fields: ask('fields'),
        exec: (callback?: (result: unknown[]) => void) => {
          selectorQueries.push(...asked)
          callback?.(asked.map(() => null))
        },
      }
      return query
    },
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
  }
}

/**
 * Installs the globals a mini-program has, with `Page` adapted to the test kit (which loads only
 * `Component()`), and runs the compiled app.js.
 */
export function installWeapp() {
  // Loading the kit defines the global `Component` it records definitions through.
  require('miniprogram-simulate')
  let appConfig: Json | undefined
  Object.assign(globalThis, {
    wx: stubWx(),
    App: (config: Json) => {
      appConfig = config
    },
    getApp: () => appConfig,
    getCurrentPages: () => pageStack,
    Page: (config: Json) => {
      const route = routeBeingLoaded
      const methods: Record<string, Handler> = {}
      const fields: Json = {}
      Object.entries(config).forEach(([key, value]) => {
        if (key === 'data') return
        if (typeof value === 'function') methods[key] = value as Handler
        else fields[key] = value
      })
      ;(globalThis as unknown as { Component: (definition: Json) => void }).Component({
        data: (config.data as Json | undefined) ?? {},
        methods,
        lifetimes: {
          created(this: Json) {
            Object.assign(this, fields, { route, __route__: route })
          },
        },
      })
    },
  })
  require(path.join(distRoot, 'app.js'))
  ;(appConfig?.onLaunch as Handler | undefined)?.call(appConfig, { path: 'pages/login/index', query: {} })
  ;(appConfig?.onShow as Handler | undefined)?.call(appConfig, { path: 'pages/login/index', query: {} })
}

/** A page of the compiled bundle, rendered and shown. */
export interface OpenPage {
  /** The page component as the test kit sees it. */
  component: SimulatedComponent
  root: HTMLElement
  text(): string
  /** Taps the innermost tappable element whose text contains `label` (or the element with that test id). */
  tap(label: string): void
  /** Types into the `index`-th text box of the page. */
  type(index: number, value: string): void
  /** Leaves the `index`-th text box holding `value` (how WeChat's nickname box hands over a chosen nickname). */
  blur(index: number, value: string): void
  /** Calls one of the page's own handlers as WeChat would, e.g. `onShareAppMessage` from the ··· menu. */
  call(handler: string, ...args: unknown[]): unknown
  close(): void
}

interface SimulatedElement {
  dispatchEvent(name: string, details?: Json): void
}

interface SimulatedComponent {
  dom: HTMLElement
  /** The kit's own selector: ids, classes and tags within the page's tree, not inside custom components (as WeChat's page-scoped queries). */
  querySelector(selector: string): { dom: HTMLElement } | undefined
  instance: Json & { data: Json }
  attach(parent: Element): void
  detach(): void
}

/** Loads a page of the compiled bundle into the test kit and runs its lifecycle as WeChat would. */
const loadedPages = new Map<string, string>()

export function openPage(route: string, query: Record<string, string> = {}): OpenPage {
  const simulate = require('miniprogram-simulate') as {
    load(componentPath: string, options: Json): string
    render(id: string): SimulatedComponent
  }
  routeBeingLoaded = route
  // The kit registers a component once per path; a page opened again renders from the same registration.
  const id = loadedPages.get(route) ?? simulate.load(path.join(distRoot, route), { rootPath: distRoot })
  loadedPages.set(route, id)
  const component = simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  component.attach(parent)
  const page = component.instance
  pageStack.push(page)
  const lifecycle = (name: string, ...args: unknown[]) => (page[name] as Handler | undefined)?.apply(page, args)
  lifecycle('onLoad', query)
  lifecycle('onShow')
  lifecycle('onReady')

  // The kit's selectors know ids, classes and tags only, and stop at custom components (Taro nests
  // its `comp`): wrap the rendered element's own node in the kit's element class instead.
  const ElementWrapper = Object.getPrototypeOf(component.constructor) as new (node: unknown) => SimulatedElement
  const dispatch = (element: Element, name: string, details?: Json) => {
    const node = (element as Element & { __wxElement?: unknown }).__wxElement
    if (!node) throw new Error(`cannot ${name} ${element.outerHTML.slice(0, 80)}`)
    new ElementWrapper(node).dispatchEvent(name, details)
  }

  const textBox = (index: number) => {
    const box = Array.from(component.dom.querySelectorAll('input, wx-input, textarea, wx-textarea'))[index]
    if (!box) throw new Error(`no text box ${index}`)
    return box
  }

  return {
    component,
    root: component.dom,
    text: () => component.dom.textContent ?? '',
    tap(label: string) {
      const byTestId = Array.from(component.dom.querySelectorAll('[data-sid]')).filter(
        (element) => element.getAttribute('data-testid') === label,
      )
      const candidates = byTestId.length
        ? byTestId
        : Array.from(component.dom.querySelectorAll('[data-sid]')).filter((element) => (element.textContent ?? '').includes(label))
      const target = candidates[candidates.length - 1]
      if (!target) throw new Error(`nothing to tap labelled ${label}; the page shows: ${component.dom.textContent}`)
      dispatch(target, 'tap')
    },
    type(index: number, value: string) {
      dispatch(textBox(index), 'input', { detail: { value } })
    },
    blur(index: number, value: string) {
      dispatch(textBox(index), 'blur', { detail: { value } })
    },
    call: (handler: string, ...args: unknown[]) => lifecycle(handler, ...args),
    close() {
      lifecycle('onHide')
      lifecycle('onUnload')
      pageStack.splice(pageStack.indexOf(page), 1)
      component.detach()
      parent.remove()
    },
  }
}

/**
 * The attributes the compiled WXML bound on a rendered element (`src` of an image, `type` and `id` of a
 * canvas): the kit's built-in components are stubs that write only class, style and data-* to the DOM.
 */
export function boundAttributes(element: Element): Record<string, unknown> {
  const node = (element as Element & { __wxElement?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } } }).__wxElement
  if (!node?._vt?.attrs) throw new Error(`no compiled attributes on ${element.outerHTML.slice(0, 80)}`)
  return Object.fromEntries(node._vt.attrs.map(({ name, value }) => [name, value]))
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Waits until `read()` holds, or fails with what it last saw. */
export async function waitFor(read: () => boolean, describe: () => string) {
  for (let i = 0; i < 150 && !read(); i += 1) await settle()
  if (!read()) throw new Error(`timed out waiting: ${describe()}`)
}

export async function waitForText(page: OpenPage, expected: string) {
  await waitFor(
    () => page.text().includes(expected),
    () => `"${expected}" not on the page; it shows: ${page.text()}`,
  )
}
