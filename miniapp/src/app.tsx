import type { PropsWithChildren } from 'react'
import './app.css'

// The focus ring is for the browser's keyboard users; the WeChat build leaves it out.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a style sheet
if (process.env.TARO_ENV === 'h5') require('./focus.h5.css')

function App({ children }: PropsWithChildren) {
  return children
}

export default App
