import { useState } from 'react'
import { View } from '@tarojs/components'
import { Photo } from '../../components/Photo'
import { staffStatusNames, type Skill, type StaffMemberView } from '@yilin/contract'
import { requestStaffPhotoUpload, retireStaff, setStaffProfile } from '../../api'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { SkillChoices } from './SkillChoices'
import { pickAndUploadPhoto } from '../../lib/upload-photo'

interface Props {
  member: StaffMemberView
  onChanged: (member: StaffMemberView) => void
}

/** A staff member as elders will see them at the door (photo, name, 工号), with what the worker can change. */
export function StaffCard({ member, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const [confirmRetire, setConfirmRetire] = useState(false)
  const [staffNumber, setStaffNumber] = useState(member.staffNumber ?? '')
  const [skills, setSkills] = useState<Skill[]>(member.skills)
  const { busy, error, done, setDone, run } = useAction()
  const testId = `staff-${member.userId}`
  const retired = member.status === 'retired'

  const save = () =>
    run(async () => {
      onChanged(await setStaffProfile(member.userId, { staffNumber, skills }))
      setDone('工号和技能已保存。')
    })

  // The profile is sent whole (工号 and skills as on screen) with the new photo's key.
  const uploadPhoto = () =>
    run(async () => {
      const photoKey = await pickAndUploadPhoto((contentType) => requestStaffPhotoUpload(member.userId, contentType))
      if (!photoKey) return
      onChanged(await setStaffProfile(member.userId, { staffNumber, skills, photoKey }))
      setDone('照片已换好，长辈开门前看到的是新照片。')
    })

  const retire = () =>
    run(async () => {
      onChanged(await retireStaff(member.userId))
      setConfirmRetire(false)
      setOpen(false)
      setDone(`${member.name}已离岗，不会再被安排上门。`)
    })

  return (
    <View className='worker-row' data-testid={testId}>
      <View className='candidate__who'>
        {member.photoUrl ? <Photo className='candidate__photo' src={member.photoUrl} name={member.name} /> : <View className='candidate__photo candidate__photo--none'>无照片</View>}
        <View>
          <View className='worker-row__name'>
            {member.name}
            {member.staffNumber ? `（工号 ${member.staffNumber}）` : ''}
          </View>
          <View className='worker-row__note' data-testid={`${testId}-summary`}>
            {member.skillNames.join('、') || '还没有技能'} · {staffStatusNames[member.status]} · {member.phone}
          </View>
        </View>
      </View>
      {member.liveCode && (
        <View className='hint' data-testid={`${testId}-live-code`}>
          岗位码还没用，有效期到 {formatDateTime(member.liveCode.expiresAt)}
        </View>
      )}
      {done && <Notice kind='success' message={done} testId={`${testId}-done`} />}
      {!retired && !open && (
        <Tap className='btn btn--secondary board-action' testId={`${testId}-open`} label={`修改：${member.name}`} onTap={() => setOpen(true)}>
          工号、技能、照片、离岗
        </Tap>
      )}
      {!retired && open && (
        <View>
          <View className='form-label'>工号</View>
          <TextInput label='工号' value={staffNumber} maxlength={12} testId={`${testId}-number`} onInput={setStaffNumber} />
          <View className='form-label'>会做的服务</View>
          <SkillChoices value={skills} onChange={setSkills} testId={`${testId}-skill`} />
          <Tap className='btn btn--primary' testId={`${testId}-save`} onTap={() => void save()}>
            {busy ? '请稍候…' : '保存工号和技能'}
          </Tap>
          <Tap className='btn btn--secondary' testId={`${testId}-photo`} onTap={() => void uploadPhoto()}>
            {member.photoUrl ? '换一张照片' : '上传照片（长辈开门前核对）'}
          </Tap>
          {confirmRetire ? (
            <ConfirmStep
              question={`确定让${member.name}离岗吗？离岗后不能再被安排上门，他的微信也不能再用服务人员账号。`}
              yes='确定离岗'
              busy={busy}
              onYes={() => void retire()}
              onNo={() => setConfirmRetire(false)}
              testId={`${testId}-retire-confirm`}
            />
          ) : (
            <Tap className='btn btn--secondary' testId={`${testId}-retire`} onTap={() => setConfirmRetire(true)}>
              离岗
            </Tap>
          )}
          <Tap className='btn btn--secondary' testId={`${testId}-close`} onTap={() => setOpen(false)}>
            收起
          </Tap>
        </View>
      )}
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
    </View>
  )
}
