import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Dashboard, MonthFigures, PlaceRef, SettlementReport, SettlementRow } from '@yilin/contract'
import WorkerDashboardPage from '../src/worker/dashboard/index'
import CountyDashboardPage from '../src/admin/dashboard/index'
import SettlementReportPage from '../src/admin/report/index'
import { layoutBars } from '../src/components/BarChart'
import { layoutLines } from '../src/components/LineChart'
import { saveSession } from '../src/lib/session'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { setRouterParams } from './taro-shim'

function figuresOf(month: string, extra: Partial<MonthFigures> = {}): MonthFigures {
  return {
    month,
    meals: 120,
    mealPaidFen: 96000,
    mealSubsidyFen: 48050,
    visits: 30,
    carePaidFen: 60000,
    careSubsidyFen: 90000,
    wishesPosted: 5,
    wishesRealised: 3,
    pointsEarned: 400,
    pointsRedeemed: 150,
    activeVolunteers: 12,
    ratings: 20,
    satisfied: 18,
    ...extra,
  }
}

const trendTo = (last: string) =>
  Array.from({ length: 12 }, (_, index) => {
    const [year, month] = last.split('-').map(Number)
    const at = year * 12 + month - 1 - (11 - index)
    return figuresOf(`${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`, { meals: 100 + index })
  })

function dashboardOf(place: PlaceRef, extra: Partial<Dashboard> = {}): Dashboard {
  const month = extra.month ?? '2026-11'
  return {
    place,
    today: '2026-11-18',
    month,
    now: { mealsToday: 42, pendingOrders: 3, pendingBookings: 2, visitsInProgress: 1, visitsOverdue: 1, wishesToReview: 4, eldersToKnock: 2 },
    mealsToday: [
      {
        meal: 'lunch',
        mealName: '午餐',
        byFulfilment: [
          { key: 'eat_in', name: '堂食', count: 20 },
          { key: 'pick_up', name: '自取', count: 5 },
          { key: 'delivery', name: '送餐', count: 10 },
        ],
        total: 35,
        done: 12,
      },
    ],
    visitsToday: { booked: 6, inProgress: 1, completed: 3 },
    wishes: { collected: 40, published: 6, claimed: 3, realised: 25 },
    monthFigures: figuresOf(month),
    trend: trendTo(month),
    elders: {
      total: 210,
      livingAlone: 31,
      bySubsidy: [{ key: 'tekun', name: '特困', count: 9 }],
      byAgeBand: [{ key: '80-89', name: '80–89 岁', count: 70 }],
      byAbility: [{ key: 'dependent', name: '失能', count: 8 }],
      byLiving: [{ key: 'alone', name: '独居', count: 31 }],
    },
    toKnock: [
      { elderId: 'e-li', name: '李桂芳', communityId: 'c-xueyuan', communityName: '学院社区', lastContact: '2026-11-06', quietDays: 12 },
      { elderId: 'e-sun', name: '孙有才', communityId: 'c-xueyuan', communityName: '学院社区', lastContact: null, quietDays: 9 },
    ],
    parts: [],
    ...extra,
  }
}

const community: PlaceRef = { kind: 'community', id: 'c-xueyuan', name: '学院社区' }
const centre: PlaceRef = { kind: 'centre', id: 'centre-xueyuan', name: '学院路街道综合养老服务中心' }
const county: PlaceRef = { kind: 'county', id: 'county-1', name: '海淀县' }
const org = {
  county: { countyId: 'county-1', name: '海淀县' },
  centres: [{ centreId: 'centre-xueyuan', name: centre.name, communities: [{ communityId: 'c-xueyuan', name: '学院社区' }] }],
}

describe('the worker dashboard', () => {
  it("shows a community worker's big numbers first, and each opens its detail", async () => {
    signIn('worker')
    const calls = mockApi({ 'GET /communities/c-xueyuan/dashboard': { status: 200, body: dashboardOf(community) } })
    render(<WorkerDashboardPage />)

    const headline = await findByTestId('dashboard-headline')
    expect(calls[0].url).toBe('/api/communities/c-xueyuan/dashboard')
    expect(byTestId('dashboard-place-name')?.textContent).toBe('学院社区')
    expect(byTestId('dashboard-now-meals')?.textContent).toContain('42今日餐数')
    expect(byTestId('dashboard-now-visits')?.textContent).toContain('1 / 1上门进行中 / 超时⚠ 有超时')
    expect(headline.textContent).toContain('该去看看的独居长辈')
    expect(byTestId('dashboard-detail-meals')).toBeNull()

    fireEvent.click(byTestId('dashboard-now-meals')!)
    expect((await findByTestId('dashboard-meal-lunch')).textContent).toContain('午餐：共 35 份，已取餐或送达 12 份堂食20 份自取5 份送餐10 份')
    fireEvent.click(byTestId('dashboard-now-meals')!)
    await waitFor(() => expect(byTestId('dashboard-detail-meals')).toBeNull())

    fireEvent.click(byTestId('dashboard-more-elders')!)
    expect((await findByTestId('dashboard-elders-subsidy')).textContent).toContain('特困9 人')
  })

  it('lists the elders living alone whom nobody has seen for a week, each opening the elder', async () => {
    signIn('worker')
    mockApi({ 'GET /communities/c-xueyuan/dashboard': { status: 200, body: dashboardOf(community) } })
    render(<WorkerDashboardPage />)
    fireEvent.click(await findByTestId('dashboard-now-knock'))

    const list = await findByTestId('dashboard-to-knock')
    expect(byTestId('dashboard-knock-e-li')?.textContent).toContain('已 12 天没有来往（上次：11月6日）')
    expect(byTestId('dashboard-knock-e-sun')?.textContent).toContain('建档以来没有记录')
    expect(list.textContent!.indexOf('李桂芳')).toBeLessThan(list.textContent!.indexOf('孙有才'))
    fireEvent.click(byTestId('dashboard-knock-e-li')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/elder/index?elderId=e-li' })
  })

  it("a centre's worker sees the centre, its communities side by side and the trend as a table too", async () => {
    saveSession({
      token: 'token-worker',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { userId: 'u-centre', role: 'worker', name: '周主任', centreId: 'centre-xueyuan' },
    })
    const parts = [
      { place: community, figures: figuresOf('2026-11', { meals: 80 }) },
      { place: { kind: 'community' as const, id: 'c-qinghe', name: '清河社区' }, figures: figuresOf('2026-11', { meals: 40 }) },
    ]
    const calls = mockApi({ 'GET /centres/centre-xueyuan/dashboard': { status: 200, body: dashboardOf(centre, { parts }) } })
    render(<WorkerDashboardPage />)

    expect((await findByTestId('dashboard-part-c-qinghe')).textContent).toContain('清河社区用餐 40 份')
    expect(calls[0].url).toBe('/api/centres/centre-xueyuan/dashboard')
    expect(byTestId('dashboard-parts')?.textContent).toContain('2026年11月各社区用餐')
    // No canvas in jsdom: the figures are in the table under the chart.
    expect(byTestId('dashboard-trend-table')?.textContent).toContain('2026年11月111 份')
    fireEvent.click(byTestId('dashboard-figure-subsidy')!)
    expect((await findByTestId('dashboard-trend')).textContent).toContain('近 12 个月补贴')
    expect(byTestId('dashboard-trend-table')?.textContent).toContain('2026年11月¥1,380.50')
  })
})

describe('the county dashboard', () => {
  beforeEach(() => {
    signIn('admin')
    setRouterParams({ month: '2026-11' })
  })

  it("shows the county's month in big numbers, and a centre opens the centre's dashboard with a way back", async () => {
    const countyDashboard = dashboardOf(county, { toKnock: [], parts: [{ place: centre, figures: figuresOf('2026-11') }] })
    const centreDashboard = dashboardOf(centre, { parts: [{ place: community, figures: figuresOf('2026-11') }] })
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /counties/county-1/dashboard': { status: 200, body: countyDashboard },
      'GET /centres/centre-xueyuan/dashboard': { status: 200, body: centreDashboard },
    })
    render(<CountyDashboardPage />)

    expect((await findByTestId('dashboard-headline')).textContent).toContain('120 份✓ 用餐')
    expect(byTestId('dashboard-figure-subsidy')?.textContent).toContain('¥1,380.50')
    expect(byTestId('dashboard-place-name')?.textContent).toBe('海淀县')
    expect(byTestId('dashboard-month')?.textContent).toBe('2026年11月')
    expect(calls.map((call) => call.url)).toContain('/api/counties/county-1/dashboard?month=2026-11')
    expect(byTestId('dashboard-back')).toBeNull()

    fireEvent.click(byTestId(`dashboard-part-${centre.id}`)!)
    await waitFor(() => expect(byTestId('dashboard-place-name')?.textContent).toBe(centre.name))
    expect(calls.at(-1)?.url).toBe('/api/centres/centre-xueyuan/dashboard?month=2026-11')
    expect(await findByTestId('dashboard-part-c-xueyuan')).not.toBeNull()

    fireEvent.click(byTestId('dashboard-back')!)
    await waitFor(() => expect(byTestId('dashboard-place-name')?.textContent).toBe('海淀县'))
  })

  it('the month buttons ask for the month before', async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /counties/county-1/dashboard': { status: 200, body: dashboardOf(county, { toKnock: [] }) },
    })
    render(<CountyDashboardPage />)
    fireEvent.click(await findByTestId('dashboard-month-prev'))
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/counties/county-1/dashboard?month=2026-10'))
    expect(byTestId('dashboard-month')?.textContent).toBe('2026年10月')
  })

  it("says the county's elders to knock on are listed by their communities", async () => {
    mockApi({
      'GET /org': { status: 200, body: org },
      'GET /counties/county-1/dashboard': { status: 200, body: dashboardOf(county, { toKnock: [] }) },
    })
    render(<CountyDashboardPage />)
    fireEvent.click(await findByTestId('dashboard-now-knock'))
    expect((await findByTestId('dashboard-detail-knock')).textContent).toContain('共 2 位。名单在各社区的看板上')
  })
})

function rowOf(extra: Partial<SettlementRow> = {}): SettlementRow {
  return {
    centreId: 'centre-xueyuan',
    centreName: centre.name,
    meals: 120,
    mealPaidFen: 96000,
    mealSubsidyFen: 48050,
    mealsByCategory: [{ category: 'tekun', categoryName: '特困', meals: 20, paidFen: 0, subsidyFen: 33000 }],
    visits: 30,
    carePaidFen: 60000,
    careSubsidyFen: 90000,
    visitsByCategory: [{ category: 'housework', categoryName: '家政', visits: 30, paidFen: 60000, subsidyFen: 90000 }],
    pointsRedeemed: 150,
    ...extra,
  }
}

function reportOf(): SettlementReport {
  const { centreId: _id, centreName: _name, ...totals } = rowOf()
  return {
    county,
    month: '2026-11',
    from: '2026-11-01',
    to: '2026-11-30',
    asOf: '2026-11-18',
    complete: false,
    title: '海淀县2026年11月居家养老服务补贴结算表',
    madeOn: '2026-11-18',
    rows: [rowOf()],
    totals,
  }
}

describe('the settlement report', () => {
  const fetchOf = window.fetch
  const createObjectURL = URL.createObjectURL

  beforeEach(() => {
    signIn('admin')
    setRouterParams({ month: '2026-11' })
  })
  afterEach(() => {
    window.fetch = fetchOf
    URL.createObjectURL = createObjectURL
  })

  it('shows per centre and in total the meals, visits and subsidies in yuan, the period and the day it was made', async () => {
    const calls = mockApi({ 'GET /org': { status: 200, body: org }, 'GET /counties/county-1/settlements/2026-11': { status: 200, body: reportOf() } })
    render(<SettlementReportPage />)

    const totals = await findByTestId('report-totals')
    expect(calls.at(-1)?.url).toBe('/api/counties/county-1/settlements/2026-11')
    expect(totals.textContent).toContain('海淀县合计')
    expect(totals.textContent).toContain('助餐120 份¥480.50（¥960）')
    expect(totals.textContent).toContain('上门服务30 次¥900（¥600）')
    expect(totals.textContent).toContain('积分兑换150 分')
    expect(totals.textContent).toContain('补贴合计¥1,380.50')
    expect(byTestId('report-centre-centre-xueyuan')?.textContent).toContain('特困20 份¥330（¥0）')
    expect(byTestId('report-period')?.textContent).toContain('统计期间：2026年11月1日 至 2026年11月30日（本月还没结束')
    expect(byTestId('report-made-on')?.textContent).toBe('制表日期：2026年11月18日')
  })

  it('下载 CSV fetches the CSV route with the session and saves it under the month’s name; 打印 prints the page', async () => {
    mockApi({ 'GET /org': { status: 200, body: org }, 'GET /counties/county-1/settlements/2026-11': { status: 200, body: reportOf() } })
    window.fetch = jest.fn(() => Promise.resolve({ ok: true, blob: () => Promise.resolve(new Blob(['\ufeff中心,用餐'])) })) as never
    URL.createObjectURL = jest.fn(() => 'blob:report')
    const saved: string[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined)
    render(<SettlementReportPage />)

    fireEvent.click(await findByTestId('report-download-csv'))
    expect((await findByTestId('report-downloaded')).textContent).toContain('CSV 已下载')
    expect(window.fetch).toHaveBeenCalledWith('/api/counties/county-1/settlements/2026-11?format=csv', { headers: { Authorization: 'Bearer token-admin' } })
    expect(saved).toEqual(['结算报表-2026-11-截至2026-11-18.csv'])

    fireEvent.click(byTestId('report-print')!)
    expect(print).toHaveBeenCalled()
    click.mockRestore()
    print.mockRestore()
  })
})

describe('chart layout', () => {
  const box = { width: 340, height: 200, fontSize: 17 }

  it('bars start from 0, the longest within the room left for its value, names shortened beside them', () => {
    const layout = layoutBars(
      [
        { key: 'a', name: '学院路街道综合养老服务中心', value: 120 },
        { key: 'b', name: '清河', value: 60 },
      ],
      (value) => `${value} 份`,
      box,
    )
    expect(layout.rows.map((row) => row.name)).toEqual(['学院路街道…', '清河'])
    expect(layout.rows[1].width * 2).toBeCloseTo(layout.rows[0].width)
    expect(layout.barLeft + layout.rows[0].width).toBeLessThan(box.width - 17 * 0.6 * '120 份'.length)
    expect(layout.rows[0].y).toBeLessThan(layout.rows[1].y)
  })

  it('twelve months on a phone: the latest month always labelled, labels never closer than three characters', () => {
    const labels = Array.from({ length: 12 }, (_, index) => `${index + 1}月`)
    const layout = layoutLines([labels.map((_, index) => index * 10)], labels, box)
    expect(layout.xTicks.at(-1)?.label).toBe('12月')
    const xs = layout.xTicks.map((tick) => tick.x)
    xs.slice(1).forEach((x, index) => expect(x - xs[index]).toBeGreaterThanOrEqual(17 * 3 - 1e-9))
    expect(layout.yTicks[0].label).toBe('0')
    expect(layout.lines[0][0].y).toBeCloseTo(layout.plot.bottom)
  })
})
