import { useCallback, useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Asks again every `ms` while the page is on screen (an emergency call must reach the screen without a
 * pull); stops when the page is hidden or closed, starts again when it is shown.
 */
export function useRefreshWhileShown(refresh: () => unknown, ms: number): void {
  const latest = useRef(refresh)
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined)
  useEffect(() => {
    latest.current = refresh
  })
  const stop = useCallback(() => {
    clearInterval(timer.current)
    timer.current = undefined
  }, [])
  const start = useCallback(() => {
    stop()
    timer.current = setInterval(() => void latest.current(), ms)
  }, [ms, stop])
  useEffect(() => {
    start()
    return stop
  }, [start, stop])
  useDidShow(start)
  useDidHide(stop)
}
