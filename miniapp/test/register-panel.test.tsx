import { fireEvent, render, waitFor } from '@testing-library/react'
import WorkerElderPage from '../src/worker/elder/index'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

describe("the elder's place on the community's register", () => {
  beforeEach(() => {
    signIn('worker', '刘晓燕')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('marking an elder who died asks on the page, says what follows, and sends the note', async () => {
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: { ...elderWang, status: 'active' }, verificationHistory: [] } },
      'PUT /elders/e-wang/status': { status: 200, body: { elder: { ...elderWang, status: 'deceased', updatedAt: '2026-12-01T01:00:00.000Z' }, verificationHistory: [] } },
    })
    render(<WorkerElderPage />)
    expect((await findByTestId('register-status')).textContent).toBe('王秀兰：在册')
    fireEvent.click(byTestId('register-mark-deceased')!)
    const confirm = await findByTestId('register-confirm')
    expect(confirm.textContent).toContain('长期订餐停止')
    expect(confirm.textContent).toContain('资料和以往记录都保留')
    expect(calls.some((call) => call.method === 'PUT')).toBe(false)
    fireEvent.input(await waitFor(() => nativeInput('register-note')), { target: { value: '家属告知' } })
    fireEvent.click(byTestId('register-confirm-yes')!)
    await waitFor(() => expect(byTestId('register-status')?.textContent).toBe('王秀兰：已故'))
    expect(calls.find((call) => call.method === 'PUT')?.data).toEqual({ status: 'deceased', note: '家属告知' })
    expect(byTestId('register-restore')).not.toBeNull()
  })

  it('不改了 leaves everything as it was', async () => {
    const calls = mockApi({ 'GET /elders/e-wang': { status: 200, body: { elder: { ...elderWang, status: 'active' }, verificationHistory: [] } } })
    render(<WorkerElderPage />)
    fireEvent.click(await findByTestId('register-mark-moved-away'))
    fireEvent.click(byTestId('register-confirm-no')!)
    expect(byTestId('register-confirm')).toBeNull()
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0)
  })
})

describe('moving an elder to another community', () => {
  beforeEach(() => {
    signIn('worker', '刘晓燕')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('picks the new community by centre, confirms on the page, and says who looks after the elder now', async () => {
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: { ...elderWang, status: 'active' }, verificationHistory: [] } },
      'GET /communities': {
        status: 200,
        body: {
          counties: [
            {
              countyId: 'k',
              name: '示范县',
              centres: [{ centreId: 'c1', name: '学院路中心', communities: [{ communityId: 'c-xueyuan', name: '学院路社区' }, { communityId: 'c-dongfeng', name: '东风社区' }] }],
            },
          ],
        },
      },
      'PUT /elders/e-wang/community': { status: 200, body: { elder: { ...elderWang, communityId: 'c-dongfeng', communityName: '东风社区' } } },
    })
    render(<WorkerElderPage />)
    fireEvent.click(await findByTestId('move-open'))
    // The elder's own community is not offered.
    await findByTestId('move-to-c-dongfeng')
    expect(byTestId('move-to-c-xueyuan')).toBeNull()
    fireEvent.click(byTestId('move-to-c-dongfeng')!)
    expect((await findByTestId('move-confirm')).textContent).toContain('迁走后，本社区就看不到王秀兰的资料了')
    fireEvent.click(byTestId('move-confirm-yes')!)
    expect((await findByTestId('move-done')).textContent).toContain('王秀兰已迁到东风社区')
    expect(calls.find((call) => call.method === 'PUT')?.data).toEqual({ communityId: 'c-dongfeng' })
  })
})
