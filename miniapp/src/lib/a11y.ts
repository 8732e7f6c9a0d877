/**
 * An accessible name for a text box. Taro's H5 `Input` passes `nativeProps` on to the `<input>` it
 * renders, so a screen reader says what to type (the visible label above is a separate element).
 * The WeChat template has no such attribute: nothing is added there.
 */
export function inputName(label: string): { nativeProps?: Record<string, string> } {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : {}
}
