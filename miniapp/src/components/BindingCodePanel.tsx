import type { LiveCodeView } from '@yilin/contract'
import { createBindingCode, revokeBindingCode } from '../api'
import { OneTimeCodePanel } from './OneTimeCodePanel'

/** Makes a one-time invitation code that a family member types in to be bound to this elder. */
export function BindingCodePanel({ elderId, live }: { elderId: string; live?: LiveCodeView | null }) {
  return (
    <OneTimeCodePanel
      create={() => createBindingCode(elderId)}
      revoke={() => revokeBindingCode(elderId)}
      live={live}
      title='邀请家人'
      hint='把邀请码告诉家人，家人在“绑定长辈”里输入，就能帮您办事、看您的资料。只告诉您信得过的家人。'
      rule='24小时内有效，只能用一次'
      codeName='邀请码'
      testId='binding-code'
    />
  )
}
