import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StatementResponse } from '@yilin/contract'
import StatementPage from '../src/worker/statement/index'
import { downloadFile } from '../src/lib/download-file'
import { saveSession } from '../src/lib/session'
import { mockApi } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { setRouterParams } from './taro-shim'

jest.mock('../src/lib/download-file', () => ({ downloadFile: jest.fn(() => Promise.resolve()) }))

function signInWorker() {
  saveSession({
    token: 'token-worker',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId: 'u-worker', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan', centreId: 'centre-xueyuan' },
  })
}

function statementOf(extra: Partial<StatementResponse> = {}): StatementResponse {
  return {
    centreId: 'centre-xueyuan',
    centreName: '学院路街道综合养老服务中心',
    month: '2026-11',
    from: '2026-11-01',
    to: '2026-11-30',
    asOf: '2026-11-30',
    complete: true,
    madeOn: '2026-12-02',
    counts: ['served', 'delivered'],
    countsNote: '只统计已取餐和已送达的餐次',
    rows: [
      { elderId: 'e-wang', elderName: '王秀英', subsidyCategory: null, meals: 2, paidFen: 1600, subsidyFen: 1400 },
      { elderId: 'e-zhao', elderName: '赵德福', subsidyCategory: 'tekun', meals: 1, paidFen: 0, subsidyFen: 1650 },
    ],
    byCategory: [
      { subsidyCategory: 'none', meals: 2, paidFen: 1600, subsidyFen: 1400 },
      { subsidyCategory: 'tekun', meals: 1, paidFen: 0, subsidyFen: 1650 },
    ],
    totals: { meals: 3, paidFen: 1600, subsidyFen: 3050 },
    ...extra,
  }
}

const route = 'GET /centres/centre-xueyuan/statements/2026-11'

describe('subsidy statement (worker)', () => {
  beforeEach(() => {
    signInWorker()
    setRouterParams({ centreId: 'centre-xueyuan', month: '2026-11' })
  })

  it('a month still running says 截至 its date, and what is counted', async () => {
    mockApi({ [route]: { status: 200, body: statementOf({ asOf: '2026-11-18', complete: false, madeOn: '2026-11-18' }) } })
    render(<StatementPage />)
    expect((await findByTestId('statement-as-of')).textContent).toBe('截至 2026-11-18（本月还没结束，数字还会变化）')
    expect(byTestId('statement-counts')?.textContent).toBe('只统计已取餐和已送达的餐次。')
    expect(byTestId('statement-totals')?.textContent).toContain('用餐 3 份')
  })

  it('a month that has ended says what is counted and no 截至', async () => {
    mockApi({ [route]: { status: 200, body: statementOf() } })
    render(<StatementPage />)
    expect((await findByTestId('statement-counts')).textContent).toBe('只统计已取餐和已送达的餐次。')
    expect(byTestId('statement-as-of')).toBeNull()
    expect(byTestId('statement-totals')?.textContent).not.toContain('截至')
  })

  it('the Excel workbook comes from the xlsx route, under a name with 截至 while the month runs', async () => {
    mockApi({ [route]: { status: 200, body: statementOf({ asOf: '2026-11-18', complete: false }) } })
    render(<StatementPage />)
    fireEvent.click(await findByTestId('statement-xlsx'))
    await waitFor(() => expect(downloadFile).toHaveBeenCalledWith('/centres/centre-xueyuan/statements/2026-11/xlsx', '补贴结算单-2026-11-截至2026-11-18.xlsx', 'xlsx'))
    expect((await findByTestId('statement-downloaded')).textContent).toContain('Excel 表格已下载')
  })

  it('the CSV of a month still running is saved under a name with 截至', async () => {
    mockApi({ [route]: { status: 200, body: statementOf({ asOf: '2026-11-18', complete: false }) } })
    render(<StatementPage />)
    fireEvent.click(await findByTestId('statement-csv'))
    await waitFor(() => expect(downloadFile).toHaveBeenCalledWith('/centres/centre-xueyuan/statements/2026-11?format=csv', '补贴结算单-2026-11-截至2026-11-18.csv', 'csv'))
    expect((await findByTestId('statement-downloaded')).textContent).toContain('CSV 已下载')
  })

  it('the CSV of a month that has ended is saved under the month', async () => {
    mockApi({ [route]: { status: 200, body: statementOf() } })
    render(<StatementPage />)
    fireEvent.click(await findByTestId('statement-csv'))
    await waitFor(() => expect(downloadFile).toHaveBeenCalledWith('/centres/centre-xueyuan/statements/2026-11?format=csv', '补贴结算单-2026-11.csv', 'csv'))
  })

  it('a failed download says so in Chinese and the page stays usable', async () => {
    mockApi({ [route]: { status: 200, body: statementOf() } })
    jest.mocked(downloadFile).mockRejectedValueOnce(new Error('下载没有成功，请稍后再试。'))
    render(<StatementPage />)
    fireEvent.click(await findByTestId('statement-xlsx'))
    expect((await findByTestId('statement-download-error')).textContent).toContain('下载没有成功')
    expect(byTestId('statement-totals')).not.toBeNull()
  })
})

describe('downloading the statement in WeChat', () => {
  const { downloadFile: download } = jest.requireActual<typeof import('../src/lib/download-file')>('../src/lib/download-file')
  const wx = Taro as unknown as Record<string, unknown>
  const saved = { env: wx.env, downloadFile: wx.downloadFile, openDocument: wx.openDocument, taroEnv: process.env.TARO_ENV }

  beforeEach(() => {
    signInWorker()
    process.env.TARO_ENV = 'weapp'
    wx.env = { USER_DATA_PATH: 'wxfile://usr' }
    wx.downloadFile = jest.fn((option: { filePath: string }) => Promise.resolve({ statusCode: 200, filePath: option.filePath, tempFilePath: '' }))
    wx.openDocument = jest.fn(() => Promise.resolve())
  })
  afterEach(() => {
    process.env.TARO_ENV = saved.taroEnv
    Object.assign(wx, { env: saved.env, downloadFile: saved.downloadFile, openDocument: saved.openDocument })
  })

  it('downloads with the session header into a file under its own name, then opens it as xlsx with the menu to forward it', async () => {
    await download('/centres/centre-xueyuan/statements/2026-11/xlsx', '补贴结算单-2026-11.xlsx', 'xlsx')
    expect(wx.downloadFile).toHaveBeenCalledWith({
      url: '/api/centres/centre-xueyuan/statements/2026-11/xlsx',
      header: { Authorization: 'Bearer token-worker' },
      filePath: 'wxfile://usr/补贴结算单-2026-11.xlsx',
    })
    expect(wx.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/补贴结算单-2026-11.xlsx', fileType: 'xlsx', showMenu: true })
  })

  it('a refused download opens nothing and says the download failed', async () => {
    wx.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 403, filePath: 'wxfile://usr/x.xlsx', tempFilePath: '' }))
    await expect(download('/centres/centre-xueyuan/statements/2026-11/xlsx', 'x.xlsx', 'xlsx')).rejects.toThrow('下载没有成功')
    expect(wx.openDocument).not.toHaveBeenCalled()
  })

  it('never tries to open a CSV, which WeChat cannot show', async () => {
    await expect(download('/centres/centre-xueyuan/statements/2026-11?format=csv', 'x.csv', 'csv')).rejects.toThrow('微信里打不开 CSV')
    expect(wx.downloadFile).not.toHaveBeenCalled()
  })
})
