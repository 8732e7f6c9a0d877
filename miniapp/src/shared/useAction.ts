import { useRef, useState } from 'react'
import { messageOf } from '../api/client'

export interface ActionState {
  /** An action is under way: a second tap meanwhile does nothing. */
  busy: boolean
  /** The message of the last failed action; cleared when the next one starts. */
  error: string
  setError: (message: string) => void
  /** What the last action achieved, said to the person; cleared when the next one starts. */
  done: string
  setDone: (message: string) => void
  /** Runs one action at a time, showing its Chinese error message if it fails. */
  run: (action: () => Promise<void>) => Promise<void>
}

/** A page's writes (save, revoke, move…): one at a time, each saying what went wrong or what it did. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  // The state above reaches the page only at its next render; in WeChat two quick taps both come before it.
  const running = useRef(false)

  async function run(action: () => Promise<void>) {
    if (running.current) return
    running.current = true
    setBusy(true)
    setError('')
    setDone('')
    try {
      await action()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  return { busy, error, setError, done, setDone, run }
}
