import { useState } from 'react'
import { View } from '@tarojs/components'
import type { WishView } from '@yilin/contract'
import { deliverWish, wishPhotoUpload } from '../../api/wishes'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { useAction } from '../../shared/useAction'
import { pickAndUploadPhoto } from '../../lib/upload-photo'

const MESSAGE_MAX = 100

/** Words a volunteer can take with one tap and change if they like, as the wish is handed over. */
export const deliverPhrases = {
  centre: ['心愿已经帮您办好了，祝您身体健康、天天开心！', '东西已经交给社区服务站，工作人员会转交给您。'],
  home: ['心愿已经帮您办好了，祝您身体健康、天天开心！', '东西已经送到您家里了，请您收好。'],
} as const

interface Props {
  wish: WishView
  onDelivered: (wish: WishView) => void
  onClose: () => void
}

/** 我已办好: a short message for the elder and, if there is one, a photo of the hand-over. */
export function DeliverForm({ wish, onDelivered, onClose }: Props) {
  const [message, setMessage] = useState('')
  const [photoKey, setPhotoKey] = useState<string | undefined>()
  const [uploading, setUploading] = useState(false)
  const [photoError, setPhotoError] = useState('')
  const action = useAction()

  async function addPhoto() {
    if (uploading) return
    setUploading(true)
    setPhotoError('')
    try {
      const key = await pickAndUploadPhoto((contentType) => wishPhotoUpload(wish.wishId, contentType))
      if (key) setPhotoKey(key)
    } catch (err) {
      setPhotoError(messageOf(err))
    } finally {
      setUploading(false)
    }
  }

  const send = () =>
    action.run(async () => {
      if (uploading) return
      const words = message.trim()
      if (!words) {
        action.setError('请写一句留言，告诉长辈您办好了什么。')
        return
      }
      onDelivered((await deliverWish(wish.wishId, { message: words, ...(photoKey ? { photoKey } : {}) })).wish)
    })

  return (
    <View className='card' data-testid='wish-deliver'>
      <View className='card__title'>我已办好</View>
      <View className='form-label'>给长辈留一句话</View>
      <View className='choices choices--stacked'>
        {deliverPhrases[wish.handover].map((phrase, index) => (
          <Tap key={phrase} className='choice choice--wide' testId={`wish-deliver-phrase-${index}`} onTap={() => setMessage(phrase)}>
            {phrase}
          </Tap>
        ))}
      </View>
      <View className='hint'>点一句就能用，也可以自己写：</View>
      <TextInput label='给长辈的留言' value={message} maxlength={MESSAGE_MAX} placeholder='例如 东西送到了，祝您健康' testId='wish-deliver-message' onInput={setMessage} />
      <View className='form-label'>照片（可不加）</View>
      {photoKey ? (
        <>
          <Notice kind='success' message='已加上一张照片。' testId='wish-deliver-photo-added' />
          <Tap className='btn btn--secondary' testId='wish-deliver-photo-remove' onTap={() => setPhotoKey(undefined)}>
            不要这张照片
          </Tap>
        </>
      ) : (
        <Tap className='btn btn--secondary' testId='wish-deliver-photo' onTap={() => void addPhoto()}>
          {uploading ? '正在上传照片…' : '加一张照片'}
        </Tap>
      )}
      {photoError && <Notice kind='error' message={photoError} testId='wish-deliver-photo-error' />}
      {action.error && <Notice kind='error' message={action.error} testId='wish-deliver-error' />}
      <Tap className='btn btn--primary btn--big' testId='wish-deliver-submit' onTap={() => void send()}>
        {action.busy ? '正在提交…' : uploading ? '等照片传完…' : '告诉长辈我办好了'}
      </Tap>
      <Tap className='btn btn--secondary' testId='wish-deliver-cancel' onTap={onClose}>
        还没办好，返回
      </Tap>
    </View>
  )
}
