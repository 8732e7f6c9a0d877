import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import {
  abilities,
  abilityNames,
  livingSituationNames,
  livingSituations,
  sexes,
  sexNames,
  subsidyCategories,
  subsidyCategoryNames,
  type LikelyDuplicate,
} from '@yilin/contract'
import { registerElder } from '../../api'
import { ApiError, fieldErrorsOf, messageOf, type FieldErrors } from '../../api/client'
import { FieldError } from '../../components/FieldError'
import { Choices } from '../../components/Choices'
import { DietaryFields } from '../../components/DietaryFields'
import { ElderPage } from '../../components/ElderPage'
import { EmergencyContactsFields } from '../../components/EmergencyContactsFields'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { PhoneInput, TextInput } from '../../components/TextInput'
import { ToggleButton } from '../../components/ToggleButton'
import { newIdempotencyKey } from '../../lib/canteen'
import { addDays, formatDate } from '../../lib/format'
import { queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { DuplicateCard } from './DuplicateCard'
import { emptyDraft, missingChoices, registrationOf, type RegisterDraft } from './draft'
import '../worker.css'

const todayInChina = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
/** The oldest birth date the server accepts: 120 years ago today. */
const earliestBirthDate = (today: string) => `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`

/**
 * 建档: a worker registers an elder of their community. A likely duplicate in the county is shown as a card
 * before anything is saved; once saved, the worker is on the new elder's page (with the 本人登录码).
 */
export default function RegisterElderPage() {
  const communityId = currentUser()?.communityId ?? ''
  const [draft, setDraft] = useState<RegisterDraft>(emptyDraft)
  // One key per form content: a retry of the same form resends it, so the elder is registered once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState('')
  const [duplicates, setDuplicates] = useState<LikelyDuplicate[]>([])
  const [confirmedDifferent, setConfirmedDifferent] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const today = todayInChina()

  function change(patch: Partial<RegisterDraft>) {
    setDraft((current) => ({ ...current, ...patch }))
    setIdempotencyKey(newIdempotencyKey())
    setDuplicates([])
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field.split('.')[0] in patch))))
  }

  async function submit(notDuplicateOf: string[]) {
    if (busy) return
    const missing = missingChoices(draft)
    if (Object.keys(missing).length > 0) {
      setErrors(missing)
      setError('还有没选的项目，请看标红的地方。')
      return
    }
    setBusy(true)
    setErrors({})
    setError('')
    try {
      const { elder } = await registerElder(communityId, registrationOf(draft, idempotencyKey, notDuplicateOf))
      void Taro.redirectTo({ url: `/worker/elder/index${queryString({ elderId: elder.elderId })}` })
    } catch (err) {
      const matches = err instanceof ApiError && err.code === 'LIKELY_DUPLICATE' ? (err.details?.matches as LikelyDuplicate[] | undefined) : undefined
      if (matches) {
        setConfirmedDifferent(notDuplicateOf)
        setDuplicates(matches)
      } else {
        setErrors(fieldErrorsOf(err))
        const network = err instanceof ApiError && err.code === 'NETWORK'
        setError(network ? `${messageOf(err)}再点一次“保存建档”就行，不会重复建档。` : messageOf(err))
      }
      setBusy(false)
    }
  }

  const contactErrors = Object.entries(errors).filter(([field]) => field.startsWith('emergencyContacts'))
  return (
    <ElderPage dense>
      <View className='page-title'>长辈建档</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='register-no-community' />}
      <View className='card' data-testid='register-form'>
        <View className='form-label'>姓名</View>
        <TextInput label='姓名' value={draft.name} maxlength={20} testId='register-name' onInput={(name) => change({ name })} />
        <FieldError errors={errors} testId='register-error' field='name' />

        <View className='form-label'>性别（看身份证）</View>
        <Choices label='性别' options={sexes} names={sexNames} value={draft.sex} testId='register-sex' onChange={(sex) => change({ sex })} />
        <FieldError errors={errors} testId='register-error' field='sex' />

        <View className='form-label'>出生日期（看身份证）</View>
        <Picker
          mode='date'
          value={draft.birthDate || addDays(today, -365 * 75)}
          start={earliestBirthDate(today)}
          end={today}
          onChange={(e) => change({ birthDate: e.detail.value })}
        >
          <Tap className='picker' testId='register-birth-date' label={draft.birthDate ? `出生日期：${formatDate(draft.birthDate)}，点按修改` : '出生日期：点这里选出生日期'}>
            {draft.birthDate ? formatDate(draft.birthDate) : '点这里选出生日期'} ›
          </Tap>
        </Picker>
        <FieldError errors={errors} testId='register-error' field='birthDate' />

        <View className='form-label'>电话（手机或座机）</View>
        <PhoneInput label='电话' value={draft.phone} testId='register-phone' onInput={(phone) => change({ phone })} />
        <FieldError errors={errors} testId='register-error' field='phone' />

        <View className='form-label'>住址</View>
        <TextInput label='住址' value={draft.address} maxlength={100} testId='register-address' onInput={(address) => change({ address })} />
        <FieldError errors={errors} testId='register-error' field='address' />

        <View className='form-label'>居住情况</View>
        <Choices
          label='居住情况'
          options={livingSituations}
          names={livingSituationNames}
          value={draft.livingSituation}
          testId='register-living'
          onChange={(livingSituation) => change({ livingSituation })}
        />
        <FieldError errors={errors} testId='register-error' field='livingSituation' />

        <View className='form-label'>自理能力</View>
        <Choices label='自理能力' options={abilities} names={abilityNames} value={draft.ability} testId='register-ability' onChange={(ability) => change({ ability })} />
        <FieldError errors={errors} testId='register-error' field='ability' />

        <View className='form-label'>补贴类别（看过证件再选）</View>
        <Choices
          label='补贴类别'
          options={subsidyCategories}
          names={subsidyCategoryNames}
          value={draft.subsidyCategory}
          testId='register-category'
          onChange={(subsidyCategory) => change({ subsidyCategory })}
        />
        <FieldError errors={errors} testId='register-error' field='subsidyCategory' />
        <View className='form-label'>看到的证件（如 低保证 尾号 0318；不要写身份证号）</View>
        <TextInput
          label='补贴核实依据'
          value={draft.subsidyProofNote}
          maxlength={60}
          testId='register-proof'
          onInput={(subsidyProofNote) => change({ subsidyProofNote })}
        />
        <FieldError errors={errors} testId='register-error' field='subsidyProofNote' />

        <View className='form-label'>行动情况（行动不便的长辈可以送餐上门）</View>
        <ToggleButton label='行动不便' on={draft.mobilityLimited} testId='register-mobility' onChange={(mobilityLimited) => change({ mobilityLimited })} />

        <DietaryFields dietary={draft.dietary} testIdPrefix='register' onChange={(patch) => change({ dietary: { ...draft.dietary, ...patch } })} />
        <FieldError errors={errors} testId='register-error' field='dietary.allergies' />

        <EmergencyContactsFields contacts={draft.emergencyContacts} testIdPrefix='register' onChange={(emergencyContacts) => change({ emergencyContacts })} />
        {contactErrors.map(([field, message]) => (
          <Notice key={field} kind='error' message={message} testId={`register-error-${field}`} />
        ))}
      </View>

      {duplicates.length > 0 ? (
        <DuplicateCard
          matches={duplicates}
          communityId={communityId}
          busy={busy}
          onNotSame={() => void submit([...confirmedDifferent, ...duplicates.map((match) => match.elderId)])}
        />
      ) : (
        <>
          {error && <Notice kind='error' message={error} testId='register-error' />}
          <Tap className='btn btn--primary btn--big' testId='register-save' onTap={() => void submit(confirmedDifferent)}>
            {busy ? '正在保存…' : '保存建档'}
          </Tap>
        </>
      )}
    </ElderPage>
  )
}
