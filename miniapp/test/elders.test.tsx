import { fireEvent, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import EldersPage from '../src/pages/elders/index'
import { currentElderId, setCurrentElderId } from '../src/lib/session'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { elderWang, elderZhao, summaryOf } from './fixtures'

describe('family elder picker', () => {
  it('marks the current elder in words and makes a tapped elder current', async () => {
    signIn('family')
    setCurrentElderId('e-wang')
    mockApi({
      'GET /me': { status: 200, body: { user: { userId: 'u-family', role: 'family', name: '李明' }, boundElders: [summaryOf(elderWang), elderZhao] } },
    })
    jest.mocked(Taro.getCurrentPages).mockReturnValue([{}, {}] as never)
    render(<EldersPage />)

    const wang = await findByTestId('elders-row-e-wang')
    expect(wang.textContent).toContain('正在照看')
    expect(byTestId('elders-row-e-zhao')?.textContent).not.toContain('正在照看')

    fireEvent.click(byTestId('elders-row-e-zhao')!)
    expect(currentElderId()).toBe('e-zhao')
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('names each elder as the relative calls them: 母亲, 岳父, and says what the relative is', async () => {
    signIn('family')
    mockApi({
      'GET /me': {
        status: 200,
        body: {
          user: { userId: 'u-family', role: 'family', name: '李明' },
          boundElders: [{ ...summaryOf(elderWang), relation: 'son' }, { ...elderZhao, relation: 'sonInLaw' }],
        },
      },
    })
    render(<EldersPage />)
    const wang = await findByTestId('elders-row-e-wang')
    expect(wang.textContent).toContain('王秀兰（母亲）')
    expect(wang.textContent).toContain('您是儿子')
    expect(byTestId('elders-row-e-zhao')?.textContent).toContain('赵德福（岳父）')
  })
})
