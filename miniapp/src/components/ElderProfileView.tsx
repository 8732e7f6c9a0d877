import { View } from '@tarojs/components'
import type { ElderProfile } from '@yilin/contract'
import { abilityNames, dietaryNeedWords, livingSituationNames } from '@yilin/contract'
import { formatDate } from '../lib/format'
import { mobilityText, subsidyCategoryNames } from '../lib/labels'
import { Field } from './Field'

function dietaryText(elder: ElderProfile): string {
  const flags = dietaryNeedWords(elder.dietary)
  const parts = [flags.length ? flags.join('、') : '没有特别要求']
  if (elder.dietary.allergies) parts.push(`过敏或忌口：${elder.dietary.allergies}`)
  return parts.join('；')
}

/** The subsidy category in words: verified, or the requested one still waiting for the community. */
export function SubsidyStatus({ elder }: { elder: ElderProfile }) {
  if (elder.subsidyCategoryVerified) {
    return <View>{subsidyCategoryNames[elder.subsidyCategoryVerified]}（✓ 已核实）</View>
  }
  return <View>{subsidyCategoryNames[elder.subsidyCategoryRequested]}（待社区核实）</View>
}

export function ElderProfileView({ elder }: { elder: ElderProfile }) {
  return (
    <View className='card'>
      <View className='card__title' data-testid='profile-name'>
        {elder.name}
      </View>
      <Field label='年龄' testId='profile-age'>
        {elder.age} 岁
      </Field>
      <Field label='出生日期' testId='profile-birth-date'>
        {formatDate(elder.birthDate)}
      </Field>
      <Field label='电话' testId='profile-phone'>
        {elder.phone}
      </Field>
      <Field label='住址' testId='profile-address'>
        {elder.address}
      </Field>
      <Field label='所在社区' testId='profile-community'>
        {elder.communityName}
      </Field>
      <Field label='补贴类别' testId='profile-subsidy'>
        <SubsidyStatus elder={elder} />
      </Field>
      {elder.subsidyProofNote && (
        <Field label='核实依据' testId='profile-subsidy-proof'>
          {elder.subsidyProofNote}
        </Field>
      )}
      {elder.livingSituation && (
        <Field label='居住情况' testId='profile-living'>
          {livingSituationNames[elder.livingSituation]}
        </Field>
      )}
      {elder.ability && (
        <Field label='自理能力' testId='profile-ability'>
          {abilityNames[elder.ability]}
        </Field>
      )}
      <Field label='行动情况' testId='profile-mobility'>
        {mobilityText(elder.mobilityLimited)}
      </Field>
      <Field label='饮食' testId='profile-dietary'>
        {dietaryText(elder)}
      </Field>
      <Field label='紧急联系人' testId='profile-emergency-contacts'>
        {elder.emergencyContacts.length === 0 ? (
          <View>还没有填写</View>
        ) : (
          elder.emergencyContacts.map((contact, index) => (
            <View key={index} className='contact'>
              {contact.name}（{contact.relation}）{contact.phone}
            </View>
          ))
        )}
      </Field>
    </View>
  )
}
