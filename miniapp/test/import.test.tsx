import { fireEvent, render, waitFor } from '@testing-library/react'
import ImportPage from '../src/worker/import/index'
import { pickSpreadsheet } from '../src/worker/import/pick-file'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'

jest.mock('../src/worker/import/pick-file', () => ({ pickSpreadsheet: jest.fn() }))

const file = { name: '长辈名册.csv', size: 300, content: 'YWJj' }
const preview = (problem: boolean) => ({
  importId: 'imp-1',
  fileName: '长辈名册.csv',
  counts: { new: 2, registered: 1, problem: problem ? 1 : 0 },
  ignoredColumns: ['序号'],
  expiresAt: '2026-04-03T03:00:00.000Z',
  rows: [
    { row: 2, status: 'new', name: '王秀英', birthDate: '1944-03-08', problems: [] },
    ...(problem ? [{ row: 4, status: 'problem', name: '李建国', birthDate: '', problems: [{ column: '电话', message: '电话不对：手机号是 1 开头的 11 位数字' }] }] : []),
  ],
})

describe('worker: importing the community’s spreadsheet', () => {
  it('shows the counts and each problem as 第 N 行 · 列名 · what is wrong, offers no confirm until the file is fixed and chosen again, then imports', async () => {
    signIn('worker')
    let fixed = false
    const calls = mockApi({
      'POST /communities/c-xueyuan/imports': () => ({ status: 201, body: preview(!fixed) }),
      'POST /communities/c-xueyuan/imports/imp-1/confirm': { status: 200, body: { importId: 'imp-1', added: 2, skipped: 1 } },
    })
    jest.mocked(pickSpreadsheet).mockResolvedValue(file)
    render(<ImportPage />)
    expect(byTestId('import-template')?.textContent).toContain('出生日期')

    fireEvent.click(byTestId('import-choose')!)
    expect((await findByTestId('import-counts')).textContent).toContain('新建 2 位 · 已有 1 位 · 有问题 1 行')
    expect(byTestId('import-problem-4')?.textContent).toContain('第 4 行（李建国） · 电话')
    expect(byTestId('import-problem-4')?.textContent).toContain('11 位数字')
    expect(byTestId('import-confirm')).toBeNull()
    expect(calls[0].data).toEqual({ fileName: '长辈名册.csv', content: 'YWJj' })

    fixed = true
    fireEvent.click(byTestId('import-choose')!)
    await waitFor(() => expect(byTestId('import-counts')?.textContent).toContain('有问题 0 行'))
    fireEvent.click(byTestId('import-confirm')!)
    expect((await findByTestId('import-result')).textContent).toContain('新建 2 位')
    expect(calls.at(-1)?.data).toEqual({ idempotencyKey: expect.any(String) })
  })

  it('refuses a file over 1 MB before sending it', async () => {
    signIn('worker')
    const calls = mockApi({})
    jest.mocked(pickSpreadsheet).mockResolvedValue({ ...file, size: 2 * 1024 * 1024 })
    render(<ImportPage />)
    fireEvent.click(byTestId('import-choose')!)
    expect((await findByTestId('import-error')).textContent).toContain('最大 1 MB')
    expect(calls).toHaveLength(0)
  })
})
