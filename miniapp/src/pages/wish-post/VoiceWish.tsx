import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { SPOKEN_WISH_TITLE, VOICE_MAX_SECONDS } from '@yilin/contract'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { VoicePlayer } from '../../components/VoicePlayer'
import { recorder, uploadVoice, type Recorder, type Recording } from '../../lib/voice'
import type { WishFields } from './WishForm'


interface Props {
  elderId: string
  /** The recording uploaded: the wish to confirm. */
  onWish: (wish: WishFields) => void
}

/**
 * 说出心愿: tap to start, tap again when done (or it stops at a minute); listen to it, record again, or
 * use it. The community listens and writes the wish down before it goes on the wall.
 */
export function VoiceWish({ elderId, onWish }: Props) {
  const [state, setState] = useState<'idle' | 'recording' | 'recorded' | 'sending'>('idle')
  const [recording, setRecording] = useState<Recording | null>(null)
  const [error, setError] = useState('')
  const device = useRef<Recorder | null>(null)

  useEffect(() => {
    device.current = recorder(
      (done) => {
        setRecording(done)
        setState('recorded')
      },
      (message) => {
        setError(message)
        setState('idle')
      },
    )
    return () => device.current?.stop()
  }, [])

  const start = () => {
    setError('')
    setRecording(null)
    setState('recording')
    device.current?.start()
  }

  const use = async () => {
    if (!recording || state === 'sending') return
    setState('sending')
    try {
      const voiceKey = await uploadVoice(elderId, recording)
      onWish({ title: SPOKEN_WISH_TITLE, story: '', category: 'other', valueFen: 0, handover: 'centre', voiceKey, voiceSeconds: recording.seconds })
    } catch (err) {
      setError(messageOf(err))
      setState('recorded')
    }
  }

  return (
    <View className='card' data-testid='wish-post-voice'>
      <View className='card__title'>不想打字？说出来也行</View>
      <View className='hint'>最多说 {VOICE_MAX_SECONDS} 秒。社区工作者听了以后，帮您写成心愿。</View>
      {state === 'idle' && (
        <Tap className='btn btn--primary btn--big' testId='wish-post-voice-start' onTap={start}>
          🎙 点一下，开始说
        </Tap>
      )}
      {state === 'recording' && (
        <Tap className='btn btn--danger btn--big' testId='wish-post-voice-stop' onTap={() => device.current?.stop()}>
          ● 正在录音……说完了点这里
        </Tap>
      )}
      {recording && state !== 'recording' && (
        <>
          <View data-testid='wish-post-voice-done'>录好了，{recording.seconds} 秒。</View>
          <VoicePlayer voice={{ url: recording.tempFilePath, seconds: recording.seconds }} label='听一听' testId='wish-post-voice-play' />
          <Tap className='btn btn--primary btn--big' testId='wish-post-voice-use' onTap={() => void use()}>
            {state === 'sending' ? '正在上传……' : '就用这段话许愿'}
          </Tap>
          <Tap className='btn btn--secondary' testId='wish-post-voice-again' onTap={start}>
            重新录
          </Tap>
        </>
      )}
      {error && <Notice kind='error' message={error} testId='wish-post-voice-error' />}
    </View>
  )
}
