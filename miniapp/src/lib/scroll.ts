import Taro from '@tarojs/taro'

/** Brings the top of the page into view, e.g. when a page swaps what it shows for a confirm step. */
export function scrollToTop(): void {
  try {
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  } catch {
    // Nothing to scroll (tests, or the page is not on screen yet).
  }
}

/** Brings an element (by CSS selector, e.g. `#canteen-soonest-meal`) to the top of the screen. */
export function scrollToElement(selector: string): void {
  try {
    void Promise.resolve(Taro.pageScrollTo({ selector, duration: 0 })).catch(() => undefined)
  } catch {
    // Nothing to scroll (tests, or the page is not on screen yet).
  }
}
