import { render } from '@testing-library/react'
import { MenuForm } from '../src/worker/menus/MenuForm'
import { signIn } from './api-mock'
import { byTestId } from './dom'

describe('the menu form', () => {
  beforeEach(() => signIn('worker', '刘晓燕'))

  it('has meal times picked, not typed: each shows its time and opens a time picker', () => {
    render(<MenuForm centreId='centre-xueyuan' date='2026-12-01' meal='lunch' onSaved={() => undefined} onCancel={() => undefined} />)
    expect(byTestId('menu-cutoff')?.textContent).toBe('09:30 ›')
    expect(byTestId('menu-serving')?.textContent).toBe('11:30 ›')
    expect(byTestId('menu-cutoff')?.tagName).not.toBe('INPUT')
    expect(byTestId('menu-cutoff')?.closest('taro-picker-core')).not.toBeNull()
  })
})
