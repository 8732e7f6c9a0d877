import { waitFor } from '@testing-library/react'

export const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null

/** Waits until an element with this test id is on the page, and returns it. */
export async function findByTestId(id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = byTestId(id)
    if (!element) throw new Error(`no element with data-testid="${id}"`)
    return element
  })
}

/** Test ids of the home tiles now shown, in order. */
export const tileIds = () =>
  Array.from(document.querySelectorAll('[data-testid^="home-tile-"]')).map((element) => element.getAttribute('data-testid'))

/** Types into a Taro H5 Input (a custom element wrapping a native input). */
export function nativeInput(testId: string): HTMLInputElement {
  // The native input appears once the custom element has rendered, a moment after React mounted it.
  const input = byTestId(testId)?.querySelector('input')
  if (!input) throw new Error(`no rendered input with data-testid="${testId}"`)
  return input
}
