import type { LiveCodeView } from '@yilin/contract'
import { createBindingCode, revokeBindingCode } from '../api'
import { OneTimeCodePanel } from './OneTimeCodePanel'

/**
 * Makes a one-time invitation code that a family member types in to be bound to this elder. The elder
 * reads it in their own voice; a worker making one for the elder reads it about the elder.
 */
export function BindingCodePanel({ elderId, live, forWorker = false }: { elderId: string; live?: LiveCodeView | null; forWorker?: boolean }) {
  return (
    <OneTimeCodePanel
      create={() => createBindingCode(elderId)}
      revoke={() => revokeBindingCode(elderId)}
      live={live}
      title={forWorker ? '为长辈邀请家人' : '邀请家人'}
      hint={
        forWorker
          ? '长辈同意后，把邀请码交给长辈的家人：家人在“绑定长辈”里输入，就能帮长辈办事、看长辈的资料。请确认是长辈本人认可的家人。'
          : '把邀请码告诉家人，家人在“绑定长辈”里输入，就能帮您办事、看您的资料。只告诉您信得过的家人。'
      }
      rule='24小时内有效，只能用一次'
      codeName='邀请码'
      testId='binding-code'
    />
  )
}
