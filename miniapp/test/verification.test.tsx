import { fireEvent, render, waitFor } from '@testing-library/react'
import WorkerElderPage from '../src/worker/elder/index'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { elderWang } from './fixtures'

describe('the worker verifies an elder', () => {
  beforeEach(() => {
    signIn('worker', '刘晓燕')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('after saving, says who saved and when, and keeps saying it after the page refreshes the form', async () => {
    const verified = { ...elderWang, subsidyCategoryVerified: 'dibao' as const, updatedAt: '2026-12-08T06:05:00.000Z', verifiedBy: { userId: 'u-worker', name: '刘晓燕', at: '2026-12-08T06:05:00.000Z' } }
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [] } },
      'PUT /elders/e-wang/verification': {
        status: 200,
        body: { elder: verified, verificationHistory: [{ field: 'subsidyCategory', from: null, to: 'dibao', byUserId: 'u-worker', byName: '刘晓燕', at: verified.updatedAt }] },
      },
    })
    render(<WorkerElderPage />)
    expect(byTestId('verify-saved')).toBeNull()
    fireEvent.click(await findByTestId('verify-save'))
    await waitFor(() => expect(byTestId('verify-saved')?.textContent).toContain('已核实并保存：刘晓燕，2026年12月8日 14:05'))
    expect(byTestId('verify-history-0')?.textContent).toContain('补贴类别定为 低保')
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1)
  })

  it('records the sex from the ID card: one tap, sent with the facts, and the history says it in words', async () => {
    const unrecorded = { ...elderWang, sex: null }
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: unrecorded, verificationHistory: [] } },
      'PUT /elders/e-wang/verification': {
        status: 200,
        body: { elder: { ...elderWang, sex: 'female' }, verificationHistory: [{ field: 'sex', from: null, to: 'female', byUserId: 'u-worker', byName: '刘晓燕', at: elderWang.updatedAt }] },
      },
    })
    render(<WorkerElderPage />)
    fireEvent.click(await findByTestId('verify-sex-female'))
    expect(byTestId('verify-sex-female')?.textContent).toBe('✓ 女')
    fireEvent.click(byTestId('verify-save')!)
    await waitFor(() => expect(byTestId('verify-history-0')?.textContent).toContain('性别定为 女'))
    expect(calls.find((call) => call.method === 'PUT')?.data).toMatchObject({ sex: 'female' })
  })

  it('the invitation panel speaks about the elder to the worker, not in the elder’s voice', async () => {
    mockApi({ 'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [] } } })
    render(<WorkerElderPage />)
    const panel = await findByTestId('binding-code-panel')
    expect(panel.textContent).toContain('帮长辈办事')
    expect(panel.textContent).not.toContain('帮您办事')
  })
})
