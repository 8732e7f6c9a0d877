import Taro from '@tarojs/taro'
import { apiUrl, authHeader, NETWORK_MESSAGE } from '../../api/client'

const FAILED = '下载没有成功，请稍后再试。'

/**
 * Saves the statement CSV. In the browser: fetch with the Authorization header, then hand the blob to
 * the browser as a download. In WeChat: download with the header, then open it (WeChat shows its own
 * menu to send or save the file).
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const url = apiUrl(path)
  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(url, { headers: authHeader() })
    } catch {
      throw new Error(NETWORK_MESSAGE)
    }
    if (!response.ok) throw new Error(FAILED)
    const blob = await response.blob()
    const href = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = href
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(href), 10_000)
    return
  }
  let tempFilePath: string
  try {
    const result = await Taro.downloadFile({ url, header: authHeader() })
    if (result.statusCode !== 200) throw new Error(FAILED)
    tempFilePath = result.tempFilePath
  } catch (err) {
    throw err instanceof Error && err.message === FAILED ? err : new Error(NETWORK_MESSAGE)
  }
  await Taro.openDocument({ filePath: tempFilePath, showMenu: true } as Taro.openDocument.Option)
}
