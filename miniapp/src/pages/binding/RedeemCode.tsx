import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { elderTitle, familyRelationNames, familyRelations, type ElderSummary, type FamilyRelation } from '@yilin/contract'
import { redeemBindingCode } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { goTo, HOME_URL } from '../../lib/navigation'
import { setCurrentElderId } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { CodeEntry, isSixDigitCode } from '../../components/CodeEntry'
import { Choices } from '../../components/Choices'
import { askToSubscribe } from '../../lib/subscribe'

const CODE_MESSAGE = '请输入 6 位数字邀请码'
const RELATION_MESSAGE = '请在上面选一项：您是长辈的什么人'

/** A family member types in the 6-digit invitation code an elder (or a worker) gave them. */
export function RedeemCode({ initialCode }: { initialCode?: string }) {
  const [code, setCode] = useState(initialCode ?? '')
  const [relation, setRelation] = useState<FamilyRelation | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [bound, setBound] = useState<ElderSummary | null>(null)

  async function submit() {
    if (busy) return
    if (!isSixDigitCode(code)) {
      setError(CODE_MESSAGE)
      return
    }
    if (!relation) {
      setError(RELATION_MESSAGE)
      return
    }
    askToSubscribe('binding')
    setBusy(true)
    setError('')
    try {
      const { elder } = await redeemBindingCode(code, relation)
      setCurrentElderId(elder.elderId)
      setBound(elder)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  if (bound) {
    const title = elderTitle(bound.relation, bound.sex) ?? ''
    return (
      <View className='card'>
        <Notice kind='success' testId='redeem-success' message={`绑定成功！您现在可以照看${title}${bound.name}了。`} />
        <Tap className='btn btn--primary' testId='redeem-view-profile' onTap={() => goTo('/pages/profile/index')}>
          查看{bound.name}的资料
        </Tap>
        <Tap className='btn btn--secondary' testId='redeem-home' onTap={() => void Taro.reLaunch({ url: HOME_URL })}>
          回到首页
        </Tap>
      </View>
    )
  }

  return (
    <View className='card'>
      <View className='card__title'>绑定长辈</View>
      {initialCode ? (
        <View className='hint' data-testid='redeem-from-card'>
          邀请码已经从长辈发来的卡片里填好了。选好您是长辈的什么人，再点“确定绑定”。
        </View>
      ) : (
        <View className='hint'>请长辈在“家人绑定”里生成邀请码，或请社区工作者帮忙，然后把 6 位数字填在下面。</View>
      )}
      <CodeEntry
        value={code}
        label='6 位邀请码'
        testId='redeem-code-input'
        onChange={(next) => {
          setCode(next)
          setError('')
        }}
      />
      <View className='form-label'>您是长辈的</View>
      <Choices
        options={familyRelations}
        names={familyRelationNames}
        label='您是长辈的什么人'
        value={relation}
        testId='redeem-relation'
        onChange={(next) => {
          setRelation(next)
          setError('')
        }}
      />
      <View className='hint'>长辈和社区工作者会看到您和长辈的关系，比如“王建国（儿子）”。</View>
      {error && <Notice kind='error' message={error} testId='redeem-error' />}
      <Tap className='btn btn--primary' testId='redeem-submit' onTap={submit}>
        {busy ? '正在绑定…' : '确定绑定'}
      </Tap>
    </View>
  )
}
