import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { WishSettingsView } from '@yilin/contract'
import { getWishSettings, setWishSettings } from '../../api/wishes'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { ToggleButton } from '../../components/ToggleButton'
import { inputName } from '../../lib/a11y'
import { fenOf } from '../../lib/format'
import { goBackOrHome } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { settingsDraftOf, settingsInputOf, type WishSettingsDraft } from './draft'
import { CommonWishesEditor, RedemptionWindowsEditor } from './ListEditors'
import '../worker.css'

interface NumberFieldProps {
  label: string
  hint?: string
  value: string
  type: 'number' | 'digit'
  maxlength: number
  testId: string
  onInput: (value: string) => void
}

function NumberField({ label, hint, value, type, maxlength, testId, onInput }: NumberFieldProps) {
  return (
    <>
      <View className='form-label'>{label}</View>
      <Input className='input' type={type} {...inputName(label)} value={value} maxlength={maxlength} data-testid={testId} onInput={(e) => onInput(e.detail.value)} />
      {hint && <View className='hint'>{hint}</View>}
    </>
  )
}

function SettingsForm({ communityId, settings, onSaved }: { communityId: string; settings: WishSettingsView; onSaved: (saved: WishSettingsView) => void }) {
  const [draft, setDraft] = useState<WishSettingsDraft>(() => settingsDraftOf(settings))
  const [fields, setFields] = useState<FieldErrors>({})
  const { busy, error, setError, done, setDone, run } = useAction()
  const set = (patch: Partial<WishSettingsDraft>) => setDraft((current) => ({ ...current, ...patch }))

  function save() {
    const input = settingsInputOf(draft)
    if (typeof input === 'string') return setError(input)
    setFields({})
    void run(async () => {
      try {
        const saved = await setWishSettings(communityId, input)
        onSaved(saved)
        setDraft(settingsDraftOf(saved))
        setDone('规则已保存，新的心愿和兑换按新的规则。')
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })
  }

  return (
    <View data-testid='wish-settings-form'>
      <NumberField
        label='心愿价值上限（元）'
        hint='超过这个价值的心愿不能提交。'
        value={draft.valueCapYuan}
        type='digit'
        maxlength={8}
        testId='wish-settings-cap'
        onInput={(valueCapYuan) => set({ valueCapYuan })}
      />
      <FieldError errors={fields} field='valueCapFen' testId='wish-settings-error' />
      <NumberField
        label='实现一个心愿，志愿者得几积分'
        value={draft.pointsPerWish}
        type='number'
        maxlength={4}
        testId='wish-settings-points'
        onInput={(pointsPerWish) => set({ pointsPerWish })}
      />
      <FieldError errors={fields} field='pointsPerWish' testId='wish-settings-error' />
      <NumberField
        label='认领后几天内要办好'
        hint='过了期限没办好，心愿自动放回心愿墙。'
        value={draft.claimDays}
        type='number'
        maxlength={2}
        testId='wish-settings-claim-days'
        onInput={(claimDays) => set({ claimDays })}
      />
      <FieldError errors={fields} field='claimDays' testId='wish-settings-error' />
      <View className='form-label'>长辈能不能在积分超市兑换</View>
      <ToggleButton label='长辈也能兑换' on={draft.eldersRedeem} onChange={(eldersRedeem) => set({ eldersRedeem })} testId='wish-settings-elders-redeem' />
      <FieldError errors={fields} field='eldersRedeem' testId='wish-settings-error' />

      <View className='section-title'>兑换期</View>
      <RedemptionWindowsEditor windows={draft.redemptionWindows} onChange={(redemptionWindows) => set({ redemptionWindows })} fields={fields} />
      <FieldError errors={fields} field='redemptionWindows' testId='wish-settings-error' />

      <View className='section-title'>常见心愿（不会打字的长辈点选）</View>
      <CommonWishesEditor wishes={draft.commonWishes} onChange={(commonWishes) => set({ commonWishes })} fields={fields} capFen={fenOf(draft.valueCapYuan)} />
      <FieldError errors={fields} field='commonWishes' testId='wish-settings-error' />

      {error && <Notice kind='error' message={error} testId='wish-settings-save-error' />}
      {done && <Notice kind='success' message={done} testId='wish-settings-done' />}
      <Tap className='btn btn--primary' testId='wish-settings-save' onTap={save}>
        {busy ? '正在保存…' : '保存规则'}
      </Tap>
      <Tap className='btn btn--secondary' testId='wish-settings-back' onTap={goBackOrHome}>
        返回
      </Tap>
    </View>
  )
}

/** 心愿和积分规则: the community's cap, points, claim days, who may redeem and when, and the common wishes. */
export default function WishSettingsPage() {
  const communityId = currentUser()?.communityId || ''
  const loaded = useData(() => getWishSettings(communityId), { enabled: communityId !== '' })

  return (
    <ElderPage dense>
      <View className='page-title'>心愿和积分规则</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='wish-settings-no-community' />}
      <DataStatus state={loaded} testId='wish-settings' />
      {loaded.data && <SettingsForm communityId={communityId} settings={loaded.data} onSaved={loaded.setData} />}
    </ElderPage>
  )
}
