import { fireEvent, render, waitFor } from '@testing-library/react'
import { Input } from '@tarojs/components'
import { Tap } from '../src/components/Tap'
import { ToggleButton } from '../src/components/ToggleButton'
import { inputName } from '../src/lib/a11y'
import { byTestId, findByTestId, nativeInput } from './dom'

describe('tappable elements work from the keyboard and say what they are', () => {
  it('a Tap is a focusable button; Enter and Space tap it, other keys do not', async () => {
    const onTap = jest.fn()
    render(
      <Tap className='btn' testId='go' onTap={onTap}>
        订这一餐
      </Tap>,
    )
    const button = await findByTestId('go')
    expect(button.getAttribute('role')).toBe('button')
    expect(button.getAttribute('tabindex')).toBe('0')
    expect(button.hasAttribute('aria-checked')).toBe(false)
    fireEvent.keyDown(button, { key: 'Enter' })
    fireEvent.keyDown(button, { key: ' ' })
    fireEvent.keyDown(button, { key: 'a' })
    expect(onTap).toHaveBeenCalledTimes(2)
    fireEvent.click(button)
    expect(onTap).toHaveBeenCalledTimes(3)
  })

  it('a toggle is a checkbox that says "false" as well as "true"', async () => {
    const onChange = jest.fn()
    const { rerender } = render(<ToggleButton label='低盐' on={false} testId='salt' onChange={onChange} />)
    const toggle = await findByTestId('salt')
    expect(toggle.getAttribute('role')).toBe('checkbox')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    fireEvent.keyDown(toggle, { key: ' ' })
    expect(onChange).toHaveBeenCalledWith(true)
    rerender(<ToggleButton label='低盐' on testId='salt' onChange={onChange} />)
    expect(byTestId('salt')?.getAttribute('aria-checked')).toBe('true')
  })

  it('a text box carries its label to the native input', async () => {
    render(<Input className='input' value='' data-testid='phone' {...inputName('电话')} />)
    const input = await waitFor(() => nativeInput('phone'))
    expect(input.getAttribute('aria-label')).toBe('电话')
  })
})
