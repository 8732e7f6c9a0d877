import { render } from '@testing-library/react'
import type { MenuView } from '@yilin/contract'
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

  it('editing a menu that already has orders says how many, and what a change does to them', () => {
    const menu: MenuView = { centreId: 'centre-xueyuan', date: '2026-12-01', meal: 'lunch', mealName: '午餐', dishes: [{ name: '清蒸鲈鱼', kind: 'meat', tags: [] }], standardPriceFen: 1500, seatCapacity: 50, deliveryCapacity: 15, seatsLeft: 38, deliveriesLeft: 12, cutoffAt: '2026-12-01T01:30:00.000Z', servingAt: '2026-12-01T11:30:00+08:00' }
    render(<MenuForm centreId='centre-xueyuan' date='2026-12-01' meal='lunch' menu={menu} onSaved={() => undefined} onCancel={() => undefined} />)
    expect(byTestId('menu-form-ordered')?.textContent).toContain('已经有 15 人订了')
  })

  it('a new menu has no such note', () => {
    render(<MenuForm centreId='centre-xueyuan' date='2026-12-01' meal='dinner' onSaved={() => undefined} onCancel={() => undefined} />)
    expect(byTestId('menu-form-ordered')).toBeNull()
  })
})
