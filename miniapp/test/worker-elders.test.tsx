import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import CommunityEldersPage from '../src/worker/elders/index'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang, elderZhao, summaryOf } from './fixtures'

describe('the worker finds an elder', () => {
  beforeEach(() => signIn('worker', '刘晓燕'))

  it('by name when 找 is tapped, and only those waiting for verification; says so when none match', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/elders': (_data) => ({ status: 200, body: { items: [summaryOf(elderWang), elderZhao], cursor: null } }),
    })
    render(<CommunityEldersPage />)
    await findByTestId(`worker-elder-row-${elderWang.elderId}`)
    const box = await waitFor(() => nativeInput('worker-elders-search'))
    fireEvent.input(box, { target: { value: '王' } })
    expect(calls).toHaveLength(1)
    fireEvent.click(byTestId('worker-elders-search-go')!)
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].url).toContain(`name=${encodeURIComponent('王')}`)
    fireEvent.click(byTestId('worker-elders-pending')!)
    await waitFor(() => expect(calls).toHaveLength(3))
    expect(calls[2].url).toContain('pending=1')
  })

  it('filters by ability, living alone and category with big choices, combined with the name; 全部 takes a filter off', async () => {
    const calls = mockApi({ 'GET /communities/c-xueyuan/elders': { status: 200, body: { items: [summaryOf(elderWang)], cursor: null } } })
    render(<CommunityEldersPage />)
    expect((await findByTestId(`worker-elder-row-${elderWang.elderId}`)).textContent).toContain('独居 · 半失能')
    expect(byTestId('worker-elders-ability-all')?.textContent).toBe('✓ 全部')
    fireEvent.click(byTestId('worker-elders-ability-dependent')!)
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].url).toContain('ability=dependent')
    fireEvent.click(byTestId('worker-elders-alone')!)
    await waitFor(() => expect(calls).toHaveLength(3))
    fireEvent.click(byTestId('worker-elders-category-dibao')!)
    await waitFor(() => expect(calls).toHaveLength(4))
    expect(calls[3].url).toContain('ability=dependent')
    expect(calls[3].url).toContain('livingSituation=alone')
    expect(calls[3].url).toContain('category=dibao')
    fireEvent.click(byTestId('worker-elders-ability-all')!)
    await waitFor(() => expect(calls).toHaveLength(5))
    expect(calls[4].url).not.toContain('ability=')
    expect(calls[4].url).toContain('category=dibao')
  })

  it('offers 建档 and the spreadsheet import to the worker, each opening its page', async () => {
    mockApi({ 'GET /communities/c-xueyuan/elders': { status: 200, body: { items: [], cursor: null } } })
    render(<CommunityEldersPage />)
    fireEvent.click(await findByTestId('worker-elders-register'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/register/index' })
    fireEvent.click(byTestId('worker-elders-import')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/import/index' })
  })

  it('a search with no match says so, not that the community is empty', async () => {
    mockApi({ 'GET /communities/c-xueyuan/elders': { status: 200, body: { items: [], cursor: null } } })
    render(<CommunityEldersPage />)
    expect((await findByTestId('worker-elders-empty')).textContent).toContain('还没有登记')
    fireEvent.click(byTestId('worker-elders-pending')!)
    await waitFor(() => expect(byTestId('worker-elders-empty')?.textContent).toContain('没有找到符合的长辈'))
  })
})
