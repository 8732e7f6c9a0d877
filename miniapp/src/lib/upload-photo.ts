import Taro from '@tarojs/taro'
import type { PhotoUploadResponse } from '@yilin/contract'
import { ApiError, NETWORK_MESSAGE } from '../api/client'

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

/** Asks the API for a signed form to post one photo of this kind to storage. */
export type PhotoForm = (contentType: PhotoType) => Promise<PhotoUploadResponse>

const NOT_SENT = '照片没有传上去，请再试一次。'
const NOT_A_PHOTO = '照片只能是 JPG、PNG 或 WebP。'

const typeOfName = (name: string): PhotoType | null => {
  const extension = name.split('.').pop()?.toLowerCase()
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg'
  return extension === 'png' ? 'image/png' : extension === 'webp' ? 'image/webp' : null
}

const tooBig = (maxBytes: number) => new ApiError(0, 'HTTP_ERROR', `照片太大了，请选一张小于 ${Math.floor(maxBytes / 1024 / 1024)} MB 的。`)

/**
 * Picks a photo and posts it straight to storage with the form the API signs for it (the photo never passes
 * through our functions); answers its key, or undefined when none was picked. In WeChat the camera or album
 * (compressed, so it fits), in the browser a file input and a form post.
 */
export async function pickAndUploadPhoto(requestForm: PhotoForm): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'h5') return uploadFromBrowser(requestForm)
  let file: { tempFilePath: string; size: number } | undefined
  try {
    const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
    file = picked.tempFiles[0]
  } catch {
    return undefined // closed without choosing
  }
  if (!file) return undefined
  // The compressed photo of the camera is a JPEG; an album photo keeps its own kind.
  const form = await requestForm(typeOfName(file.tempFilePath) ?? 'image/jpeg')
  if (file.size > form.maxBytes) throw tooBig(form.maxBytes)
  let statusCode: number
  try {
    statusCode = (await Taro.uploadFile({ url: form.url, filePath: file.tempFilePath, name: 'file', formData: form.fields })).statusCode
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
  if (statusCode < 200 || statusCode >= 300) throw new ApiError(statusCode, 'HTTP_ERROR', NOT_SENT)
  return form.key
}

function chooseBrowserFile(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png,image/webp'
    input.onchange = () => resolve(input.files?.[0])
    input.click()
  })
}

async function uploadFromBrowser(requestForm: PhotoForm): Promise<string | undefined> {
  const file = await chooseBrowserFile()
  if (!file) return undefined
  const contentType = (['image/jpeg', 'image/png', 'image/webp'] as const).find((type) => type === file.type)
  if (!contentType) throw new ApiError(0, 'HTTP_ERROR', NOT_A_PHOTO)
  const form = await requestForm(contentType)
  if (file.size > form.maxBytes) throw tooBig(form.maxBytes)
  // The signed fields come first: storage reads the policy before the file.
  const body = new FormData()
  Object.entries(form.fields).forEach(([name, value]) => body.append(name, value))
  body.append('file', file)
  let response: Response
  try {
    response = await fetch(form.url, { method: 'POST', body })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
  if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', NOT_SENT)
  return form.key
}
