import { useEffect, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'

/**
 * WeChat's privacy authorisation: before a privacy API or component (the nickname box, and later the
 * location, recorder and album) first works, WeChat asks the app to show its privacy notice and waits.
 * One listener for the whole app holds WeChat's pending request; the page on screen shows the prompt
 * (see PrivacyPrompt) and answers it with the person's choice.
 */
type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

/** The id of the agree button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON = 'privacy-agree'

let pending: Resolve | null = null
const watchers = new Set<() => void>()

function announce() {
  for (const watcher of watchers) watcher()
}

/** Called once when the app starts, in WeChat only. */
export function watchPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    announce()
  })
}

/** The person's answer; WeChat then lets the waiting API go on, or makes it fail. */
export function answerPrivacyRequest(agreed: boolean): void {
  const resolve = pending
  pending = null
  announce()
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON } : { event: 'disagree' })
}

const subscribe = (onChange: () => void) => {
  watchers.add(onChange)
  return () => {
    watchers.delete(onChange)
  }
}
const isAsking = () => pending !== null

/** Whether WeChat is waiting for the person to read and agree; the prompt tells WeChat it was shown. */
export function usePrivacyRequest(): boolean {
  const asking = useSyncExternalStore(subscribe, isAsking, isAsking)
  useEffect(() => {
    if (asking) pending?.({ event: 'exposureAuthorization' })
  }, [asking])
  return asking
}
