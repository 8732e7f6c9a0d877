/**
 * The pages of personal-information rights in the built WeChat bundle, in WeChat's own test kit (see
 * weapp-render.test.ts): what only the compiled page does. The copy of one's data is downloaded with the
 * session's header into a file under its own name and opened with openDocument (WeChat opens xlsx, with a menu
 * to forward or save it); closing the account sends one request after the second tap and goes to sign-in.
 * Both pages carry `<page-meta>` with the root font size from WeChat's font setting.
 */
import type { DataCopyResponse } from '@yilin/contract'
import { addToWx, answer, navigations, requests, waitFor, waitForText } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, ok, signIn } from './weapp/suite'

/** What the page asked WeChat to download and to open. */
const downloads: Array<{ url: string; header: Record<string, string>; filePath?: string }> = []
const opened: Array<{ filePath: string; fileType?: string; showMenu?: boolean }> = []
type Options = Record<string, unknown> & { success?: (result: unknown) => void; complete?: (result: unknown) => void }
addToWx({
  env: { USER_DATA_PATH: 'wxfile://usr' },
  downloadFile: (options: Options) => {
    downloads.push({ url: options.url as string, header: options.header as Record<string, string>, filePath: options.filePath as string | undefined })
    const result = { statusCode: 200, filePath: options.filePath, tempFilePath: 'wxfile://tmp/1.xlsx', errMsg: 'downloadFile:ok' }
    setTimeout(() => {
      options.success?.(result)
      options.complete?.(result)
    }, 0)
    return { abort() {}, onProgressUpdate() {} }
  },
  openDocument: (options: Options) => {
    opened.push({ filePath: options.filePath as string, fileType: options.fileType as string | undefined, showMenu: options.showMenu as boolean | undefined })
    options.success?.({ errMsg: 'openDocument:ok' })
    options.complete?.({ errMsg: 'openDocument:ok' })
  },
})

const copy: DataCopyResponse = {
  name: '王磊',
  madeAt: '2026-12-01T02:00:00.000Z',
  sections: [
    { kind: 'profile', title: '个人资料', columns: ['项目', '内容'], rows: [['名字', '王磊'], ['身份', '家属']] },
    { kind: 'orders', title: '订餐记录（王秀兰）', columns: ['日期', '餐次', '方式', '状态', '长辈付（元）', '补贴（元）'], rows: [['2026-11-30', '午餐', '堂食', '已用餐', '6.00', '9.00']] },
  ],
}

describeCompiledPages('compiled rights pages in the WeChat test kit', (show) => {
  beforeEach(() => {
    downloads.length = 0
    opened.length = 0
  })

  it('我在颐邻的信息: the copy in words; 下载一份 downloads the workbook with the session under its own name and opens it with a menu', async () => {
    signIn('family', 'u-family', '王磊')
    answer({ 'GET /me/data': ok(copy) })
    const page = show('pages/my-data/index')
    await waitForText(page, '订餐记录（王秀兰）')
    expect(page.text()).toContain('名字王磊')
    expectPageMeta(page)

    page.tap('下载一份（Excel 表格）')
    await waitFor(() => opened.length > 0, () => `nothing opened; the page shows: ${page.text()}`)
    expect(downloads).toEqual([{ url: 'https://api.yilin.invalid/me/data/xlsx', header: expect.objectContaining({ Authorization: 'Bearer tok-u-family' }), filePath: 'wxfile://usr/我的数据-王磊-2026-12-01.xlsx' }])
    expect(opened).toEqual([{ filePath: 'wxfile://usr/我的数据-王磊-2026-12-01.xlsx', fileType: 'xlsx', showMenu: true }])
    await waitForText(page, '已下载')
  })

  it('注销账户: nothing is sent before 确定注销; then one POST with the confirmation, and 好的 goes to sign-in', async () => {
    signIn('family', 'u-family', '王磊')
    answer({ 'POST /me/close': ok({ closedAt: '2026-12-01T02:00:00.000Z' }) })
    const page = show('pages/close-account/index')
    await waitForText(page, '注销我的账户')
    expectPageMeta(page)
    page.tap('注销我的账户')
    await waitForText(page, '确定注销吗？')
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([])
    page.tap('确定注销')
    await waitForText(page, '账户已注销')
    expect(requests.filter((request) => request.method === 'POST').map((request) => [request.url, request.data])).toEqual([['https://api.yilin.invalid/me/close', { confirm: true }]])
    page.tap('好的')
    await waitFor(() => navigations.some((step) => step.api === 'reLaunch'), () => `no reLaunch: ${JSON.stringify(navigations)}`)
    expect(navigations.filter((step) => step.api === 'reLaunch')).toEqual([{ api: 'reLaunch', url: '/pages/login/index' }])
  })
})
