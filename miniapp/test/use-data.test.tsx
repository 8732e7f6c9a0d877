import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { View } from '@tarojs/components'
import EldersPage from '../src/pages/elders/index'
import { DataStatus } from '../src/components/DataStatus'
import { Tap } from '../src/components/Tap'
import { useData } from '../src/shared/useData'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { elderWang, summaryOf } from './fixtures'

/** A promise the test settles when it wants, to look at the page while a load is under way. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

interface ListProps {
  load: (key: string) => Promise<string[]>
  listKey?: string
  onShow?: boolean
}

/** The smallest page on the hook: a list, what it says while there is none, and a local change. */
function List({ load, listKey = 'a', onShow = false }: ListProps) {
  const list = useData(() => load(listKey), { deps: [listKey], onShow })
  return (
    <View>
      <DataStatus state={list} testId='list' empty={{ when: (items) => items.length === 0, message: '还没有内容。' }} />
      {list.data?.map((item) => (
        <View key={item} data-testid={`item-${item}`}>
          {item}
        </View>
      ))}
      <Tap className='btn btn--secondary' testId='add' onTap={() => list.setData((items) => [...items, 'new'])}>
        加一条
      </Tap>
    </View>
  )
}

const shownItems = () => Array.from(document.querySelectorAll('[data-testid^="item-"]')).map((element) => element.textContent)

describe('loading a page’s data (useData with DataStatus)', () => {
  it('says 正在加载 until the first answer arrives, then shows the answer', async () => {
    const answer = deferred<string[]>()
    render(<List load={() => answer.promise} />)
    expect(document.querySelector('.loading')?.textContent).toContain('正在加载')

    await act(async () => answer.resolve(['one']))
    expect(document.querySelector('.loading')).toBeNull()
    expect(shownItems()).toEqual(['one'])
  })

  it('a failed load shows the message and a big 重试 button, which loads again', async () => {
    signIn('family')
    let attempts = 0
    const calls = mockApi({
      'GET /me': () => {
        attempts += 1
        return attempts === 1
          ? apiError(503, 'UNAVAILABLE', '服务暂时不可用，请稍后再试。')
          : { status: 200, body: { user: { userId: 'u-family', role: 'family', name: '李明' }, boundElders: [summaryOf(elderWang)] } }
      },
    })
    render(<EldersPage />)

    expect((await findByTestId('elders-error')).textContent).toContain('服务暂时不可用')
    const retry = byTestId('elders-retry')!
    expect(retry.textContent).toBe('重试')
    // Elder-sized: the full-width button style, and a real button to the keyboard and screen readers.
    expect(retry.className).toContain('btn')
    expect(retry.getAttribute('role')).toBe('button')

    fireEvent.click(retry)
    await findByTestId('elders-row-e-wang')
    expect(byTestId('elders-error')).toBeNull()
    expect(byTestId('elders-retry')).toBeNull()
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/me', 'GET /api/me'])
  })

  it('an empty answer is said in words, not left as a blank page', async () => {
    render(<List load={() => Promise.resolve([])} />)
    expect((await findByTestId('list-empty')).textContent).toBe('还没有内容。')
    expect(byTestId('list-error')).toBeNull()
  })

  it('a page that loads on every show asks once when it opens', async () => {
    const load = jest.fn(() => Promise.resolve(['one']))
    render(<List load={load} onShow />)
    await findByTestId('item-one')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('when what is loaded changes, it starts from nothing and keeps only the answer for the latest', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string[]>>> = { may: deferred(), june: deferred() }
    const { rerender } = render(<List load={(key) => answers[key].promise} listKey='may' />)
    rerender(<List load={(key) => answers[key].promise} listKey='june' />)
    expect(document.querySelector('.loading')).not.toBeNull()

    await act(async () => answers.june.resolve(['june-1']))
    await act(async () => answers.may.resolve(['may-1']))
    expect(shownItems()).toEqual(['june-1'])
  })

  it('a change the page made itself is shown without asking the server again', async () => {
    const load = jest.fn(() => Promise.resolve(['one']))
    render(<List load={load} />)
    await findByTestId('item-one')
    fireEvent.click(byTestId('add')!)
    await waitFor(() => expect(shownItems()).toEqual(['one', 'new']))
    expect(load).toHaveBeenCalledTimes(1)
  })
})
