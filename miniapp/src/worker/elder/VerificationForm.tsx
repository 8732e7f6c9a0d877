import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import { sexes, sexNames, type ElderDetailResponse, type ElderProfile, type Sex } from '@yilin/contract'
import { verifyElder } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { ToggleButton } from '../../components/ToggleButton'
import { formatDate } from '../../lib/format'
import { subsidyCategoryNames, subsidyCategoryOrder } from '../../lib/labels'
import { Tap } from '../../components/Tap'

interface Props {
  elder: ElderProfile
  onVerified: (detail: ElderDetailResponse) => void
}

const todayInChina = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)

/** The fields only a worker may set after checking papers at the door: they decide age and meal prices. */
export function VerificationForm({ elder, onVerified }: Props) {
  const [sex, setSex] = useState<Sex | null>(elder.sex)
  const [birthDate, setBirthDate] = useState(elder.birthDate)
  const [category, setCategory] = useState(elder.subsidyCategoryVerified ?? elder.subsidyCategoryRequested)
  const [mobilityLimited, setMobilityLimited] = useState(elder.mobilityLimited)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState(false)

  async function save() {
    if (busy) return
    setBusy(true)
    setError('')
    setDone(false)
    try {
      onVerified(await verifyElder(elder.elderId, { ...(sex ? { sex } : {}), birthDate, subsidyCategory: category, mobilityLimited }))
      setDone(true)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='verify-form'>
      <View className='card__title'>核实资料</View>
      <View className='form-label'>性别（看身份证）</View>
      <View className='choices' role='radiogroup'>
        {sexes.map((option) => (
          <Tap
            key={option}
            className={sex === option ? 'choice choice--on' : 'choice'}
            testId={`verify-sex-${option}`}
            role='radio'
            checked={sex === option}
            onTap={() => setSex(option)}
          >
            {sex === option ? '✓ ' : ''}
            {sexNames[option]}
          </Tap>
        ))}
      </View>
      <View className='form-label'>出生日期（看身份证）</View>
      <Picker mode='date' value={birthDate} start='1900-01-01' end={todayInChina()} onChange={(e) => setBirthDate(e.detail.value)}>
        <Tap className='picker' testId='verify-birth-date' label={`出生日期：${formatDate(birthDate)}，点按修改`}>
          {formatDate(birthDate)} ›
        </Tap>
      </Picker>
      <View className='form-label'>补贴类别（本人申请：{subsidyCategoryNames[elder.subsidyCategoryRequested]}）</View>
      <Picker
        mode='selector'
        range={subsidyCategoryOrder.map((c) => subsidyCategoryNames[c])}
        value={subsidyCategoryOrder.indexOf(category)}
        onChange={(e) => setCategory(subsidyCategoryOrder[Number(e.detail.value)])}
      >
        <Tap className='picker' testId='verify-subsidy-category' label={`补贴类别：${subsidyCategoryNames[category]}，点按修改`}>
          {subsidyCategoryNames[category]} ›
        </Tap>
      </Picker>
      <View className='form-label'>行动情况（行动不便的长辈可以送餐上门）</View>
      <ToggleButton label='行动不便' on={mobilityLimited} testId='verify-mobility' onChange={setMobilityLimited} />
      {error && <Notice kind='error' message={error} testId='verify-error' />}
      {/* The page gives the form a fresh start after each save, so the note reads from the profile itself. */}
      {(done || elder.verifiedBy) && (
        <Notice
          kind={done ? 'success' : 'info'}
          message={elder.verifiedBy ? `已核实并保存：${elder.verifiedBy.name}，${formatDateTime(elder.verifiedBy.at)}` : '已核实并保存。'}
          testId='verify-saved'
        />
      )}
      <Tap className='btn btn--primary' testId='verify-save' onTap={save}>
        {busy ? '正在保存…' : '确认核实'}
      </Tap>
    </View>
  )
}
