import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { elderWishes, wishOf } from './wish-fixtures'
import WishPostPage from '../src/pages/wish-post/index'

/**
 * An elder who would rather say a wish than type it records it in WeChat (the browser has no recorder):
 * tap to start, tap when done, listen, use it. The recording goes to the files bucket with the signed form,
 * and the wish is posted with its key and length for the community to write down.
 */
jest.mock('../src/lib/voice', () => ({ ...jest.requireActual('../src/lib/voice'), canRecord: () => true }))

type StopListener = (result: { tempFilePath: string; duration: number }) => void

function fakeRecorder() {
  const recorder = { stop: undefined as StopListener | undefined, start: jest.fn(), stopCalled: jest.fn() }
  Object.assign(Taro, {
    getRecorderManager: () => ({
      onStop: (listener: StopListener) => (recorder.stop = listener),
      onError: jest.fn(),
      start: recorder.start,
      stop: () => {
        recorder.stopCalled()
        recorder.stop?.({ tempFilePath: 'wxfile://tmp/voice.mp3', duration: 12_400 })
      },
    }),
    uploadFile: jest.fn(() => Promise.resolve({ statusCode: 204, data: '' })),
    createInnerAudioContext: () => ({ src: '', onEnded: jest.fn(), onError: jest.fn(), play: jest.fn(), stop: jest.fn(), destroy: jest.fn() }),
  })
  return recorder
}

it('records, uploads with the signed form and posts the wish with the voice note’s key and length', async () => {
  const recorder = fakeRecorder()
  const calls = mockApi({
    'GET /elders/e-wang/wishes': { status: 200, body: elderWishes([]) },
    'POST /elders/e-wang/wish-voice-uploads': { status: 200, body: { url: 'https://files.invalid/bucket', fields: { key: 'voice/wish-voice-e-wang/01.mp3', Policy: 'p' }, key: 'voice/wish-voice-e-wang/01.mp3', maxBytes: 2_000_000 } },
    'POST /elders/e-wang/wishes': { status: 201, body: { wish: wishOf({ wishId: 'w-voice' }) } },
  })
  signIn('elder', '王秀兰', 'e-wang')
  setRouterParams({})
  render(<WishPostPage />)

  fireEvent.click(await findByTestId('wish-post-voice-start'))
  expect(recorder.start).toHaveBeenCalledWith(expect.objectContaining({ format: 'mp3', duration: 60_000 }))
  fireEvent.click(await findByTestId('wish-post-voice-stop'))
  expect((await findByTestId('wish-post-voice-done')).textContent).toContain('12 秒')
  fireEvent.click(byTestId('wish-post-voice-use')!)

  expect((await findByTestId('wish-post-facts-title')).textContent).toContain('一段 12 秒的语音')
  expect(Taro.uploadFile).toHaveBeenCalledWith(
    expect.objectContaining({ url: 'https://files.invalid/bucket', filePath: 'wxfile://tmp/voice.mp3', name: 'file', formData: { key: 'voice/wish-voice-e-wang/01.mp3', Policy: 'p' } }),
  )
  fireEvent.click(byTestId('wish-post-ask-yes')!)
  await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.endsWith('/elders/e-wang/wishes'))).toBe(true))
  const posted = calls.find((call) => call.method === 'POST' && call.url.endsWith('/elders/e-wang/wishes'))!
  expect(posted.data).toMatchObject({ title: '我录了一段语音', category: 'other', valueFen: 0, voiceKey: 'voice/wish-voice-e-wang/01.mp3', voiceSeconds: 12 })
})

it('an upload that fails says so and keeps the recording to try again', async () => {
  fakeRecorder()
  jest.mocked(Taro.uploadFile).mockImplementation((() => Promise.resolve({ statusCode: 403, data: '' })) as never)
  mockApi({
    'GET /elders/e-wang/wishes': { status: 200, body: elderWishes([]) },
    'POST /elders/e-wang/wish-voice-uploads': { status: 200, body: { url: 'https://files.invalid/bucket', fields: {}, key: 'voice/x.mp3', maxBytes: 2_000_000 } },
  })
  signIn('elder', '王秀兰', 'e-wang')
  setRouterParams({})
  render(<WishPostPage />)
  fireEvent.click(await findByTestId('wish-post-voice-start'))
  fireEvent.click(await findByTestId('wish-post-voice-stop'))
  fireEvent.click(await findByTestId('wish-post-voice-use'))
  expect((await findByTestId('wish-post-voice-error')).textContent).toContain('语音没有传上去')
  expect(byTestId('wish-post-voice-use')).not.toBeNull()
})
