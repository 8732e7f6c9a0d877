import Taro from '@tarojs/taro'
import { VOICE_MAX_SECONDS } from '@yilin/contract'
import { ApiError, NETWORK_MESSAGE } from '../api/client'
import { wishVoiceUpload } from '../api/wishes'

/**
 * A short voice note, for an elder who would rather say a wish than type it: WeChat's recorder (MP3, up to a
 * minute), uploaded straight to the files bucket with the form the API signs; played back with WeChat's
 * audio. The browser build has no recorder, so it offers typing and the common wishes only.
 */
export const canRecord = () => process.env.TARO_ENV === 'weapp' && typeof Taro.getRecorderManager === 'function'

export interface Recording {
  tempFilePath: string
  seconds: number
}

export interface Recorder {
  start: () => void
  stop: () => void
}

interface Listeners {
  onDone: (recording: Recording) => void
  onError: (message: string) => void
}

/** WeChat has one recorder for the whole app: its listeners are set once and call whichever page records now. */
let current: Listeners | null = null
let listened: unknown = null

/** The recorder, with what to do when a recording ends (by a tap or at the minute) or fails. */
export function recorder(onDone: (recording: Recording) => void, onError: (message: string) => void): Recorder {
  const manager = Taro.getRecorderManager()
  current = { onDone, onError }
  if (listened !== manager) {
    listened = manager
    manager.onStop((result) => {
      if (!result.tempFilePath) return
      current?.onDone({ tempFilePath: result.tempFilePath, seconds: Math.min(VOICE_MAX_SECONDS, Math.max(1, Math.round(result.duration / 1000))) })
    })
    manager.onError(() => current?.onError('没有录上。请允许颐邻使用麦克风，再点一次开始说。'))
  }
  return {
    start: () => manager.start({ duration: VOICE_MAX_SECONDS * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 }),
    stop: () => manager.stop(),
  }
}

/** Uploads the recording for the elder's wish: its key, to post with the wish. */
export async function uploadVoice(elderId: string, recording: Recording): Promise<string> {
  const form = await wishVoiceUpload(elderId, 'audio/mpeg')
  let statusCode: number
  try {
    statusCode = (await Taro.uploadFile({ url: form.url, filePath: recording.tempFilePath, name: 'file', formData: form.fields })).statusCode
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
  if (statusCode < 200 || statusCode >= 300) throw new ApiError(statusCode, 'HTTP_ERROR', '语音没有传上去，请再试一次。')
  return form.key
}

/** Plays a voice note from its link; answers a function that stops it. */
export function play(url: string, onEnded: () => void): () => void {
  const audio = Taro.createInnerAudioContext()
  audio.src = url
  audio.onEnded(onEnded)
  audio.onError(onEnded)
  audio.play()
  return () => {
    audio.stop()
    audio.destroy()
  }
}
