import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OrgResponse } from '@yilin/contract'
import type { PricingInput, PricingResponse } from '@yilin/contract'
import PricingPage, { pricingInputOf } from '../src/admin/pricing/index'
import CountyPage from '../src/admin/index'
import MenusPage from '../src/worker/menus/index'
import StatementPage from '../src/worker/statement/index'
import { pricingLine } from '../src/lib/pricing'
import { saveSession } from '../src/lib/session'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { setRouterParams } from './taro-shim'

const countyDefaults: PricingResponse = {
  centreId: 'centre-xueyuan',
  rules: { age60Fen: 1000, age70Fen: 900, age80Fen: 800, dibaoFen: 800, tekunFen: 0, disabledFen: 0 },
  payment: 'counter',
  custom: false,
}

const org: OrgResponse = {
  county: { countyId: 'county-1', name: '衡阳县' },
  centres: [
    { centreId: 'centre-xueyuan', name: '学院路服务中心', communities: [{ communityId: 'c-xueyuan', name: '学院路社区' }] },
    { centreId: 'centre-other', name: '另一服务中心', communities: [] },
  ],
}

const pricingRoute = 'GET /centres/centre-xueyuan/pricing'
const saveRoute = 'PUT /centres/centre-xueyuan/pricing'

async function type(testId: string, value: string) {
  fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })
}

describe('meal prices of a centre (county admin)', () => {
  beforeEach(() => {
    signIn('admin', '县平台')
    setRouterParams({ centreId: 'centre-xueyuan' })
  })

  it('shows the centre, the six prices in yuan with their labels, that they are the county defaults, and the note', async () => {
    const calls = mockApi({ [pricingRoute]: { status: 200, body: countyDefaults }, 'GET /org': { status: 200, body: org } })
    render(<PricingPage />)
    expect((await findByTestId('pricing-current-age60Fen')).textContent).toBe('60–69岁¥10')
    expect(byTestId('pricing-current-age70Fen')?.textContent).toBe('70–79岁¥9')
    expect(byTestId('pricing-current-age80Fen')?.textContent).toBe('80岁以上¥8')
    expect(byTestId('pricing-current-dibaoFen')?.textContent).toBe('低保¥8')
    expect(byTestId('pricing-current-tekunFen')?.textContent).toBe('特困免费')
    expect(byTestId('pricing-current-disabledFen')?.textContent).toBe('残疾免费')
    expect(byTestId('pricing-status')?.textContent).toBe('县里统一的默认价格')
    await waitFor(() => expect(byTestId('pricing-title')?.textContent).toContain('学院路服务中心'))
    expect(byTestId('pricing-note')?.textContent).toContain('已下的订单按下单时的价格结算，新价格只对之后的订餐生效')
    // The form starts from the current prices, in yuan, each box named for screen readers.
    const age80 = await waitFor(() => nativeInput('pricing-input-age80Fen'))
    expect(age80.value).toBe('8')
    expect(age80.getAttribute('aria-label')).toBe('80岁以上的价格（元）')
    expect(nativeInput('pricing-input-tekunFen').value).toBe('0')
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(
      expect.arrayContaining(['GET /api/centres/centre-xueyuan/pricing', 'GET /api/org']),
    )
  })

  it('保存 turns the yuan typed into whole fen, PUTs all six and shows the saved prices', async () => {
    const calls = mockApi({
      [pricingRoute]: { status: 200, body: countyDefaults },
      'GET /org': { status: 200, body: org },
      [saveRoute]: (data) => {
        const { payment, ...rules } = data as PricingInput
        return { status: 200, body: { centreId: 'centre-xueyuan', rules, payment, custom: true } }
      },
    })
    render(<PricingPage />)
    await findByTestId('pricing-form')
    await type('pricing-input-age60Fen', '9.5')
    await type('pricing-input-age70Fen', '8.05')
    await type('pricing-input-dibaoFen', '7.9')
    await type('pricing-input-disabledFen', '1')
    fireEvent.click(byTestId('pricing-save')!)

    expect((await findByTestId('pricing-saved')).textContent).toContain('餐价和付款方式已保存')
    const put = calls.find((call) => call.method === 'PUT')
    expect(put?.url).toBe('/api/centres/centre-xueyuan/pricing')
    expect(put?.data).toEqual({ age60Fen: 950, age70Fen: 805, age80Fen: 800, dibaoFen: 790, tekunFen: 0, disabledFen: 100, payment: 'counter' })
    expect(byTestId('pricing-current-age60Fen')?.textContent).toBe('60–69岁¥9.50')
    expect(byTestId('pricing-current-disabledFen')?.textContent).toBe('残疾¥1')
    expect(byTestId('pricing-status')?.textContent).toBe('本中心自定的价格')
  })

  it('shows how elders pay (the counter for a centre that never chose), and 保存 sends the way chosen', async () => {
    const calls = mockApi({
      [pricingRoute]: { status: 200, body: countyDefaults },
      'GET /org': { status: 200, body: org },
      [saveRoute]: (data) => {
        const { payment, ...rules } = data as PricingInput
        return { status: 200, body: { centreId: 'centre-xueyuan', rules, payment, custom: true } }
      },
    })
    render(<PricingPage />)
    expect((await findByTestId('pricing-current-payment')).textContent).toBe('怎么付钱取餐时付钱')
    expect(byTestId('pricing-payment-counter')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('pricing-payment-counter')?.textContent).toContain('送餐上门的交给送餐员')
    expect(byTestId('pricing-payment-monthly')?.textContent).toContain('○ 月底统一结算')
    fireEvent.click(byTestId('pricing-payment-monthly')!)
    expect(byTestId('pricing-payment-monthly')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('pricing-payment-monthly')?.textContent).toContain('◉ 月底统一结算')
    expect(byTestId('pricing-payment-counter')?.textContent).toContain('○ 取餐时付钱')
    fireEvent.click(byTestId('pricing-save')!)

    await findByTestId('pricing-saved')
    expect(calls.find((call) => call.method === 'PUT')?.data).toMatchObject({ payment: 'monthly', age80Fen: 800 })
    expect(byTestId('pricing-current-payment')?.textContent).toBe('怎么付钱月底统一结算')
  })

  it("shows the server's message next to 保存 and keeps what was typed", async () => {
    mockApi({
      [pricingRoute]: { status: 200, body: countyDefaults },
      'GET /org': { status: 200, body: org },
      [saveRoute]: apiError(400, 'INVALID_INPUT', '80岁以上价格最多 1000 元'),
    })
    render(<PricingPage />)
    await findByTestId('pricing-form')
    await type('pricing-input-age80Fen', '1200')
    fireEvent.click(byTestId('pricing-save')!)

    const error = await findByTestId('pricing-error')
    expect(error.textContent).toContain('80岁以上价格最多 1000 元')
    // Inline, right before the button it is about.
    expect(error.nextElementSibling).toBe(byTestId('pricing-save'))
    expect(nativeInput('pricing-input-age80Fen').value).toBe('1200')
    expect(byTestId('pricing-current-age80Fen')?.textContent).toBe('80岁以上¥8')
    expect(byTestId('pricing-saved')).toBeNull()
  })

  it('says what to fix before sending anything that is not a price', async () => {
    const calls = mockApi({ [pricingRoute]: { status: 200, body: countyDefaults }, 'GET /org': { status: 200, body: org } })
    render(<PricingPage />)
    await findByTestId('pricing-form')
    await type('pricing-input-tekunFen', '-1')
    fireEvent.click(byTestId('pricing-save')!)
    expect((await findByTestId('pricing-error')).textContent).toContain('特困的价格请填数字')
    expect(calls.some((call) => call.method === 'PUT')).toBe(false)
  })

  it('shows why the prices could not be read', async () => {
    mockApi({ [pricingRoute]: apiError(404, 'CENTRE_NOT_FOUND', '没有这个服务中心'), 'GET /org': { status: 200, body: org } })
    render(<PricingPage />)
    expect((await findByTestId('pricing-load-error')).textContent).toContain('没有这个服务中心')
    expect(byTestId('pricing-form')).toBeNull()
  })

  it('converts yuan with up to two decimals to fen and refuses anything else', () => {
    const draft = { age60Fen: '10', age70Fen: '9.9', age80Fen: '8.01', dibaoFen: '0.1', tekunFen: '0', disabledFen: '0.00', payment: 'counter' as const }
    expect(pricingInputOf(draft)).toEqual({ age60Fen: 1000, age70Fen: 990, age80Fen: 801, dibaoFen: 10, tekunFen: 0, disabledFen: 0, payment: 'counter' })
    expect(pricingInputOf({ ...draft, age70Fen: '9.999' })).toContain('70–79岁')
    expect(pricingInputOf({ ...draft, dibaoFen: '' })).toContain('低保')
    expect(pricingInputOf({ ...draft, age60Fen: '十' })).toContain('60–69岁')
  })

  it('the county page opens each centre’s 餐价设置', async () => {
    mockApi({ 'GET /org': { status: 200, body: org } })
    render(<CountyPage />)
    fireEvent.click(await findByTestId('admin-pricing-centre-other'))
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/pricing/index?centreId=centre-other' }))
    expect(byTestId('admin-pricing-centre-xueyuan')?.getAttribute('role')).toBe('button')
    expect(byTestId('admin-pricing-centre-xueyuan')?.getAttribute('aria-label')).toBe('餐价设置：学院路服务中心')
  })
})

describe('meal prices seen by a worker', () => {
  beforeEach(() =>
    saveSession({
      token: 'token-worker',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { userId: 'u-worker', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan', centreId: 'centre-xueyuan' },
    }),
  )

  it('says all six prices on one line, the same price of neighbours of a kind once', () => {
    expect(pricingLine(countyDefaults.rules)).toBe('60–69岁 ¥10 · 70–79岁 ¥9 · 80岁以上 ¥8 · 低保 ¥8 · 特困、残疾 免费')
    expect(pricingLine({ age60Fen: 900, age70Fen: 900, age80Fen: 800, dibaoFen: 800, tekunFen: 250, disabledFen: 0 })).toBe(
      '60–69岁、70–79岁 ¥9 · 80岁以上 ¥8 · 低保 ¥8 · 特困 ¥2.50 · 残疾 免费',
    )
  })

  it('菜单管理 shows the centre’s prices read-only', async () => {
    mockApi({ 'GET /centres/centre-xueyuan/menus': { status: 200, body: { items: [] } }, [pricingRoute]: { status: 200, body: countyDefaults } })
    render(<MenusPage />)
    const line = await findByTestId('menus-pricing')
    expect(line.textContent).toContain('本中心餐价：60–69岁 ¥10 · 70–79岁 ¥9 · 80岁以上 ¥8 · 低保 ¥8 · 特困、残疾 免费')
    expect(line.querySelector('input, [role="button"]')).toBeNull()
  })

  it('菜单管理 still works when the prices cannot be read', async () => {
    mockApi({ 'GET /centres/centre-xueyuan/menus': { status: 200, body: { items: [] } }, [pricingRoute]: apiError(500, 'INTERNAL', '系统开小差了') })
    render(<MenusPage />)
    await findByTestId('menus-copy-this-week')
    await waitFor(() => expect(byTestId('menus-error')).toBeNull())
    expect(byTestId('menus-pricing')).toBeNull()
  })

  it('the statement month is a plain label, not a button', async () => {
    mockApi({})
    render(<StatementPage />)
    const month = await findByTestId('statement-month')
    expect(month.getAttribute('role')).toBeNull()
    expect(month.getAttribute('tabindex')).toBeNull()
    expect(month.className).not.toContain('choice')
    expect(byTestId('statement-prev')?.getAttribute('role')).toBe('button')
  })
})
