import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { useDidShow } from '@tarojs/taro'
import { messageOf } from '../api/client'

export interface DataState<T> {
  /** What the last load answered; undefined until a load has answered (or after `deps` changed). */
  data: T | undefined
  /** The message of the last failed load; '' once a load succeeds. */
  error: string
  /** A load is under way. */
  loading: boolean
  /** Loads again, keeping what is on screen until the answer arrives (the 重试 button, or after a change). */
  reload: () => Promise<void>
  /** Changes what is on screen after a write the page made, without asking the server again. */
  setData: (next: T | ((current: T) => T)) => void
}

export interface DataOptions {
  /**
   * Load each time the page is shown (another page may have changed the data, e.g. an order placed)
   * rather than once when the component opens.
   */
  onShow?: boolean
  /** Loads again from nothing when any of these change: they say what is loaded (a date, a month). */
  deps?: DependencyList
  /** Whether a load may start now; false while something it needs is missing or while a form is open. */
  enabled?: boolean
}

interface Loaded<T> {
  data: T | undefined
  error: string
  loading: boolean
}

/**
 * Loads what a page shows and keeps the three states every page has: loading, failed (with the
 * message and a reload for 重试) and loaded. Only the answer to the latest load is kept, so a slow
 * answer for the month before never replaces the month now on screen.
 */
export function useData<T>(load: () => Promise<T>, { onShow = false, deps = [], enabled = true }: DataOptions = {}): DataState<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: '', loading: enabled })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const id = ++latest.current
    setState((current) => ({ ...current, loading: true }))
    try {
      const data = await loadRef.current()
      if (id === latest.current) setState({ data, error: '', loading: false })
    } catch (err) {
      if (id === latest.current) setState((current) => ({ ...current, error: messageOf(err), loading: false }))
    }
  }, [])

  const setData = useCallback((next: T | ((current: T) => T)) => {
    setState((current) => {
      if (typeof next !== 'function') return { ...current, data: next }
      if (current.data === undefined) return current
      return { ...current, data: (next as (value: T) => T)(current.data) }
    })
  }, [])

  const opened = useRef(false)
  useEffect(() => {
    const first = !opened.current
    opened.current = true
    // The first show loads pages that load on show; loading here as well would ask twice.
    if (first && onShow) return
    if (!first) {
      latest.current += 1
      setState({ data: undefined, error: '', loading: false })
    }
    if (enabled) void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  useDidShow(() => {
    if (onShow && enabled) void reload()
  })

  return { ...state, reload, setData }
}
