import Taro from '@tarojs/taro'
import { apiUrl, authHeader, NETWORK_MESSAGE } from '../api/client'

const FAILED = '下载没有成功，请稍后再试。'
const NOT_OPENED = '文件已下载，但手机没能打开它，请稍后再试。'
const CSV_IN_WECHAT = '微信里打不开 CSV，请下载 Excel 表格。'

export type DownloadFileType = 'xlsx' | 'csv'

/**
 * Saves a file the API makes (a statement, the settlement report, a copy of one's data). In the browser: fetch with the Authorization header, then hand the blob to the
 * browser as a download. In WeChat: download with the header into a file under its own name, then open it
 * with openDocument, whose menu sends it to a chat or saves it (WeChat opens xlsx, not CSV).
 */
export async function downloadFile(path: string, fileName: string, fileType: DownloadFileType): Promise<void> {
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
  if (fileType !== 'xlsx') throw new Error(CSV_IN_WECHAT)
  let filePath: string
  try {
    // Stored under its own name, so a forwarded file is called 补贴结算单-… (or 我的数据-…), not a random temp name.
    const result = await Taro.downloadFile({ url, header: authHeader(), filePath: `${Taro.env.USER_DATA_PATH}/${fileName}` })
    if (result.statusCode !== 200) throw new Error(FAILED)
    filePath = result.filePath || result.tempFilePath
  } catch (err) {
    throw err instanceof Error && err.message === FAILED ? err : new Error(NETWORK_MESSAGE)
  }
  try {
    await Taro.openDocument({ filePath, fileType, showMenu: true })
  } catch {
    throw new Error(NOT_OPENED)
  }
}
