import { useEffect, useRef, useState } from 'react'
import { play } from '../lib/voice'
import { Tap } from './Tap'

interface Props {
  voice: { url: string; seconds: number }
  /** What is heard, e.g. 听长辈说的心愿. */
  label: string
  testId: string
}

/** One big button that plays a voice note, and stops it on a second tap. */
export function VoicePlayer({ voice, label, testId }: Props) {
  const [playing, setPlaying] = useState(false)
  const stop = useRef<(() => void) | null>(null)
  useEffect(() => () => stop.current?.(), [])
  const toggle = () => {
    if (stop.current) {
      stop.current()
      stop.current = null
      setPlaying(false)
      return
    }
    setPlaying(true)
    stop.current = play(voice.url, () => {
      stop.current = null
      setPlaying(false)
    })
  }
  return (
    <Tap className='btn btn--secondary btn--big' testId={testId} onTap={toggle}>
      {playing ? '■ 停止播放' : `▶ ${label}（${voice.seconds} 秒）`}
    </Tap>
  )
}
