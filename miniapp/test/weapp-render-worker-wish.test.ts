/**
 * A community worker writes a wish down for an elder, in the built WeChat bundle: from the elder's page (a
 * worker subpackage) into the posting page of the main package with the elder named, and 送到家里 only with
 * the elder's own agreement ticked in a big box.
 */
import { elderWang } from './fixtures'
import { pointsOf } from './points-fixtures'
import { elderWishes, wishAt } from './wish-fixtures'
import { answer, navigations, requests, waitFor, waitForText } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, ok, signIn } from './weapp/suite'

const writes = () => requests.filter((request) => request.method !== 'GET')
const AGREED = '王秀兰本人同意把地址告诉认领的志愿者'

describeCompiledPages('compiled pages: a worker posts a wish and gives points for an elder', (show) => {
  beforeEach(() => signIn('worker', 'u-worker', '刘晓燕'))

  it("the elder's page (worker subpackage) opens the posting page and the points page for her", async () => {
    answer({ 'GET /elders/e-wang': ok({ elder: elderWang, verificationHistory: [] }) })
    const page = show('worker/elder/index', { elderId: 'e-wang' })
    await waitForText(page, '替王秀兰许个心愿')
    page.tap('替王秀兰许个心愿')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    page.tap('王秀兰的积分')
    await waitFor(() => navigations.length > 1, () => `no second navigation; the page shows: ${page.text()}`)
    expect(navigations).toEqual([
      { api: 'navigateTo', url: '/pages/wish-post/index?elderId=e-wang' },
      { api: 'navigateTo', url: '/worker/points/index?holderId=e-wang' },
    ])
  })

  it('送到家里 for her needs the box ticked; then ONE wish is sent with the agreement and the worker lands on its review page', async () => {
    answer({
      'GET /elders/e-wang/wishes': ok(elderWishes([])),
      'POST /elders/e-wang/wishes': { status: 201, body: { wish: wishAt.pending() } },
    })
    const page = show('pages/wish-post/index', { elderId: 'e-wang' })
    await waitForText(page, '点一下就能许愿')
    expect(page.text()).toContain('替王秀兰许个心愿')
    expectPageMeta(page)

    page.tap('送到家里')
    await waitForText(page, `${AGREED}：否`)
    page.tap('想理个发')
    await waitForText(page, '要先问过王秀兰本人')
    expect(writes()).toEqual([])

    page.tap(AGREED)
    await waitForText(page, `${AGREED}：是`)
    page.tap('想理个发')
    await waitForText(page, `✓ ${AGREED}`)
    page.tap('确认许愿')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    expect(navigations).toEqual([{ api: 'redirectTo', url: '/worker/wish/index?wishId=w-pending' }])
    expect(writes()).toHaveLength(1)
    expect(writes()[0].data).toMatchObject({ title: '想理个发', handover: 'home', addressAgreed: true })
  })

  it("an elder's points (worker subpackage) are recorded as time at activities", async () => {
    answer({ 'GET /points/e-wang': ok(pointsOf({ holderId: 'e-wang', holderName: '王秀兰', kind: 'elder', balance: 30, entries: [] })) })
    const page = show('worker/points/index', { holderId: 'e-wang' })
    await waitForText(page, '王秀兰（长辈）')
    expect(page.text()).toContain('记录参加活动时长')
    expect(page.text()).toContain('长辈也能兑换')
    expectPageMeta(page)
  })
})
