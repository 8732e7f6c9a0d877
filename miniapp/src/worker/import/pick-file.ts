import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  size: number
  /** The file's bytes, base64. */
  content: string
}

const extensions = ['xlsx', 'csv']

/**
 * A community's spreadsheet usually arrives in a WeChat chat, so in WeChat it is chosen from a chat
 * (chooseMessageFile) and read as base64; in the browser from a file input. Undefined when nothing is chosen.
 */
export async function pickSpreadsheet(): Promise<PickedFile | undefined> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })
    const file = tempFiles[0]
    if (!file) return undefined
    const content = await new Promise<string>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({ filePath: file.path, encoding: 'base64', success: (result) => resolve(result.data as string), fail: reject }),
    )
    return { name: file.name, size: file.size, content }
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) return resolve(undefined)
      const reader = new FileReader()
      reader.onload = () => resolve({ name: file.name, size: file.size, content: String(reader.result).replace(/^data:[^,]*,/, '') })
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(file)
    }
    input.click()
  })
}
