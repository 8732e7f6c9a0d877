import type { Page } from 'playwright-core';

/**
 * What the mini-program styles as something to tap (see the tap-target rule in miniapp/src/app.css),
 * and whatever the page announces as tappable (components/Tap.tsx gives every tappable element a role).
 */
const TAP_TARGETS = [
  '.btn, .tile, .toggle, .picker, .link, .login-account, .elder-choice, .switcher, .choice, .input',
  '[role="button"], [role="radio"], [role="checkbox"]',
].join(', ');

/** 长辈版 minimums (MIIT age-friendly specification) in CSS px at the standard font setting. */
export const ELDER_MODE = { minBodyTextPx: 18, minTapTargetPx: 60 } as const;

/**
 * Checks the page on screen against the 长辈版 minimums: every visible piece of text at least 18px and
 * every tap target at least 60×60. Returns one line per offending element; none means the page passes.
 */
export async function elderModeProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tapTargets, minBodyTextPx, minTapTargetPx }) => {
      const screen = Array.from(document.querySelectorAll('.taro_page')).find((el) => !el.classList.contains('taro_page_shade'));
      if (!screen) return ['no page on screen'];
      const isVisible = (el: Element) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
      };
      const problems: string[] = [];
      const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || !isVisible(parent)) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < minBodyTextPx) problems.push(`text "${text.slice(0, 24)}" is ${size}px`);
      }
      for (const target of Array.from(screen.querySelectorAll(tapTargets))) {
        if (!isVisible(target)) continue;
        const { width, height } = target.getBoundingClientRect();
        if (width < minTapTargetPx || height < minTapTargetPx) {
          const label = (target.textContent ?? '').trim().slice(0, 24);
          problems.push(`tap target "${label}" is ${Math.round(width)}×${Math.round(height)}`);
        }
      }
      return problems;
    },
    { tapTargets: TAP_TARGETS, ...ELDER_MODE },
  );
}
