import type { PropsWithChildren } from 'react'
import { watchPrivacyRequests } from './lib/privacy'
import './app.css'

// The focus ring is for the browser's keyboard users; the WeChat build leaves it out.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a style sheet
if (process.env.TARO_ENV === 'h5') require('./focus.h5.css')

// WeChat waits for the person's consent before its privacy APIs work; the page on screen asks them.
if (process.env.TARO_ENV === 'weapp') watchPrivacyRequests()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
