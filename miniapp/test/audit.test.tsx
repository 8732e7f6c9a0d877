import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AuditEntry } from '@yilin/contract'
import WorkerAuditPage from '../src/worker/audit/index'
import AdminAuditPage from '../src/admin/audit/index'
import AccessLogPage from '../src/pages/access-log/index'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { setRouterParams } from './taro-shim'

const entryOf = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  eventId: '01KB1S0000AAAAAAAAAAAAAAAA',
  // 14:05 in China.
  at: '2026-11-28T06:05:00.000Z',
  action: 'health.read',
  actionName: '查看了健康档案',
  actorId: 'u-li',
  actorName: '李娟',
  actorRole: 'worker',
  actorRoleName: '社区工作者',
  concernsId: 'e-wang',
  concernsName: '王秀英',
  changes: [{ field: 'read', after: '健康记录' }],
  ...overrides,
})

const verified = entryOf({
  eventId: '01KB1R0000AAAAAAAAAAAAAAAA',
  at: '2026-11-27T02:30:00.000Z',
  action: 'elder.verify',
  actionName: '核实了资料',
  changes: [{ field: 'subsidyCategory', after: 'dibao' }, { field: 'birthDate', before: '1941-05-12', after: '1941-05-21' }],
})

describe("the elder's access log", () => {
  beforeEach(() => setRouterParams({}))

  it('tells the elder each entry as a sentence: when, who, what they did to your records', async () => {
    signIn('elder', '王秀英', 'e-wang')
    const calls = mockApi({ 'GET /elders/e-wang/access-log': { status: 200, body: { entries: [entryOf(), verified] } } })
    render(<AccessLogPage />)

    expect((await findByTestId(`access-log-entry-${entryOf().eventId}`)).textContent).toBe('11月28日 14:05 社区工作者 李娟 查看了您的健康档案')
    expect(byTestId(`access-log-entry-${verified.eventId}`)?.textContent).toContain('11月27日 10:30 社区工作者 李娟 核实了您的资料')
    expect(byTestId(`access-log-entry-${verified.eventId}`)?.textContent).toContain('补贴类别：低保；出生日期：1941-05-12 → 1941-05-21')
    expect(byTestId('access-log-title')?.textContent).toBe('谁看过、改过您的资料')
    expect(calls[0].url).toBe('/api/elders/e-wang/access-log')
    expect(byTestId('access-log-more')).toBeNull()
  })

  it("shows a relative the log of the elder named in the address, and pages back with 加载更多", async () => {
    signIn('family', '王磊', 'f-wang')
    setRouterParams({ elderId: 'e-wang' })
    const older = entryOf({ eventId: '01KB0000000AAAAAAAAAAAAAAA', at: '2026-11-20T01:00:00.000Z' })
    const pages = [{ entries: [entryOf()], before: entryOf().eventId }, { entries: [older] }]
    const calls = mockApi({ 'GET /elders/e-wang/access-log': () => ({ status: 200, body: pages.shift() }) })
    render(<AccessLogPage />)

    expect((await findByTestId(`access-log-entry-${entryOf().eventId}`)).textContent).toBe('11月28日 14:05 社区工作者 李娟 查看了健康档案')
    expect(byTestId('access-log-title')?.textContent).toBe('谁看过、改过王秀英的资料')
    fireEvent.click(byTestId('access-log-more')!)
    await findByTestId(`access-log-entry-${older.eventId}`)
    expect(calls[1].url).toContain(`before=${entryOf().eventId}`)
    await waitFor(() => expect(byTestId('access-log-more')).toBeNull())
  })

  it('says so plainly when nobody else has looked', async () => {
    signIn('elder', '王秀英', 'e-wang')
    mockApi({ 'GET /elders/e-wang/access-log': { status: 200, body: { entries: [] } } })
    render(<AccessLogPage />)

    expect((await findByTestId('access-log-empty')).textContent).toContain('还没有别人看过或改过')
  })
})

describe("the worker's 操作记录", () => {
  beforeEach(() => signIn('worker', '刘晓燕', 'u-liu'))

  it("lists the community's trail newest first with who, what and whose, and the fields changed", async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/audit': { status: 200, body: { entries: [entryOf(), verified], before: verified.eventId } },
      'GET /communities/c-xueyuan/elders': { status: 200, body: { items: [], cursor: null } },
    })
    render(<WorkerAuditPage />)

    expect((await findByTestId(`audit-entry-${entryOf().eventId}`)).textContent).toContain('社区工作者 李娟 查看了健康档案（王秀英）')
    expect(byTestId(`audit-entry-${verified.eventId}`)?.textContent).toContain('补贴类别：低保')
    expect(calls.find((call) => call.url.startsWith('/api/communities/c-xueyuan/audit'))?.url).toBe('/api/communities/c-xueyuan/audit')
    expect(byTestId('worker-audit-more')?.textContent).toBe('加载更多')
  })

  it('a refusal is shown in its words with a retry', async () => {
    mockApi({
      'GET /communities/c-xueyuan/audit': apiError(403, 'NOT_YOUR_COMMUNITY', '您只能查看和处理本社区的事务。'),
      'GET /communities/c-xueyuan/elders': { status: 200, body: { items: [], cursor: null } },
    })
    render(<WorkerAuditPage />)

    expect((await findByTestId('worker-audit-error')).textContent).toContain('您只能查看和处理本社区的事务。')
    expect(byTestId('worker-audit-retry')).not.toBeNull()
  })
})

describe("the admin's 操作记录", () => {
  beforeEach(() => signIn('admin', '周建国', 'u-admin'))

  it("searches the county's trail, and asks again with the person chosen from the county's workers", async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: { county: { countyId: 'county-1', name: '示范县' }, centres: [{ centreId: 'ce-1', name: '学院路中心', communities: [{ communityId: 'c-xueyuan', name: '学院路社区' }] }] } },
      'GET /workers': {
        status: 200,
        body: { items: [{ userId: 'u-li', role: 'worker', name: '李娟', phone: '13800000000', communityId: 'c-xueyuan', communityName: '学院路社区', centreId: 'ce-1', centreName: '学院路中心', status: 'active' }], cursor: null },
      },
      'GET /counties/county-1/audit': { status: 200, body: { entries: [entryOf()] } },
    })
    render(<AdminAuditPage />)

    expect((await findByTestId(`audit-entry-${entryOf().eventId}`)).textContent).toContain('李娟 查看了健康档案')
    expect(byTestId('admin-audit-more')).toBeNull()
    const picker = byTestId('admin-audit-actor')!.parentElement!
    fireEvent(picker, Object.assign(new Event('change', { bubbles: true }), { detail: { value: '0' } }))
    await waitFor(() => expect(calls.map((call) => call.url)).toContain('/api/counties/county-1/audit?actorId=u-li'))
    expect(Taro.request).toHaveBeenCalled()
  })
})
