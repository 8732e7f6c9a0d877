import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { getOrg, getStatement, statementPath, statementXlsxPath } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { chinaToday, yuan } from '../../lib/format'
import { subsidyCategoryNames } from '../../lib/labels'
import { currentUser } from '../../lib/session'
import { downloadFile, type DownloadFileType } from '../../lib/download-file'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import '../worker.css'

/** `2026-11` plus some months. */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number)
  const index = year * 12 + (m - 1) + count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const monthText = (month: string) => {
  const [year, m] = month.split('-').map(Number)
  return `${year}年${m}月`
}

/** WeChat opens xlsx but not CSV, so there the CSV is not offered. */
const inWechat = process.env.TARO_ENV === 'weapp'

const categoryText = (category: string | null) =>
  category && category in subsidyCategoryNames ? subsidyCategoryNames[category as keyof typeof subsidyCategoryNames] : '未核实'

function CentrePicker({ onPick }: { onPick: (centreId: string) => void }) {
  const org = useData(getOrg)
  return (
    <View>
      <View className='page-title'>补贴结算单</View>
      <View className='hint'>请选择服务中心：</View>
      <DataStatus state={org} testId='statement' />
      {org.data?.centres.map((centre) => (
        <Tap key={centre.centreId} className='worker-row' testId={`statement-centre-${centre.centreId}`} onTap={() => onPick(centre.centreId)}>
          <View className='worker-row__name'>{centre.name} ›</View>
        </Tap>
      ))}
    </View>
  )
}

/**
 * A month's meals and subsidies per elder, per category and in total; the same as an Excel workbook for the finance
 * office, which WeChat opens on the phone to forward or save; in the browser also as CSV.
 */
export default function StatementPage() {
  const { params } = useRouter()
  const [centreId, setCentreId] = useState(params.centreId || (currentUser()?.role === 'worker' ? currentUser()?.centreId ?? '' : ''))
  const [month, setMonth] = useState(params.month || chinaToday().slice(0, 7))
  const loaded = useData(() => getStatement(centreId, month), { deps: [centreId, month], enabled: centreId !== '' })
  const statement = loaded.data
  const [error, setError] = useState('')
  const [downloading, setDownloading] = useState(false)
  const [downloaded, setDownloaded] = useState('')
  const thisMonth = chinaToday().slice(0, 7)

  function showMonth(next: string) {
    setMonth(next)
    setError('')
    setDownloaded('')
  }

  async function download(fileType: DownloadFileType) {
    if (downloading) return
    setDownloading(true)
    setError('')
    try {
      const name = `补贴结算单-${month}${statement && !statement.complete ? `-截至${statement.asOf}` : ''}.${fileType}`
      const path = fileType === 'xlsx' ? statementXlsxPath(centreId, month) : `${statementPath(centreId, month)}?format=csv`
      await downloadFile(path, name, fileType)
      setDownloaded(fileType === 'csv' ? 'CSV 已下载。' : inWechat ? '表格已打开，可从右上角菜单转发或保存。' : 'Excel 表格已下载。')
    } catch (err) {
      setError(err instanceof Error ? err.message : messageOf(err))
    } finally {
      setDownloading(false)
    }
  }

  if (!centreId) {
    return (
      <ElderPage dense>
        <CentrePicker onPick={setCentreId} />
      </ElderPage>
    )
  }

  return (
    <ElderPage dense>
      <View className='page-title' data-testid='statement-title'>
        {statement ? statement.centreName : '补贴结算单'}
      </View>
      <View className='choices'>
        <Tap className='choice' testId='statement-prev' onTap={() => showMonth(addMonths(month, -1))}>
          ‹ 上个月
        </Tap>
        <View className='statement-month' data-testid='statement-month'>
          {monthText(month)}
        </View>
        {month < thisMonth && (
          <Tap className='choice' testId='statement-next' onTap={() => showMonth(addMonths(month, 1))}>
            下个月 ›
          </Tap>
        )}
      </View>
      {error && <Notice kind='error' message={error} testId='statement-download-error' />}
      <DataStatus state={loaded} testId='statement' />
      {statement && (
        <>
          <View className='card' data-testid='statement-totals'>
            <View className='card__title'>{monthText(statement.month)}合计</View>
            <View className='statement-total'>
              用餐 {statement.totals.meals} 份 · 个人付 {yuan(statement.totals.paidFen)} · 政府补贴 {yuan(statement.totals.subsidyFen)}
            </View>
            {!statement.complete && (
              <View className='hint' data-testid='statement-as-of'>
                截至 {statement.asOf}（本月还没结束，数字还会变化）
              </View>
            )}
            <View className='hint' data-testid='statement-counts'>
              {statement.countsNote}。
            </View>
          </View>

          <View className='section-title'>按补贴类别</View>
          <View className='card'>
            {statement.byCategory.length === 0 && <View className='hint'>这个月没有用餐记录。</View>}
            {statement.byCategory.map((row) => (
              <View key={row.subsidyCategory} className='statement-row' data-testid={`statement-category-${row.subsidyCategory}`}>
                <View className='statement-row__name'>{row.subsidyCategory === 'none' ? '未核实' : categoryText(row.subsidyCategory)}</View>
                <View>{row.meals} 份</View>
                <View>个人付 {yuan(row.paidFen)}</View>
                <View>补贴 {yuan(row.subsidyFen)}</View>
              </View>
            ))}
          </View>

          <View className='section-title'>每位长辈</View>
          <View className='card'>
            {statement.rows.length === 0 && <View className='hint'>这个月没有用餐记录。</View>}
            {statement.rows.map((row) => (
              <View key={row.elderId} className='statement-row' data-testid={`statement-row-${row.elderId}`}>
                <View className='statement-row__name'>
                  {row.elderName}（{categoryText(row.subsidyCategory)}）
                </View>
                <View>{row.meals} 份</View>
                <View>个人付 {yuan(row.paidFen)}</View>
                <View>补贴 {yuan(row.subsidyFen)}</View>
              </View>
            ))}
          </View>

          {downloaded && <Notice kind='success' message={downloaded} testId='statement-downloaded' />}
          <Tap className='btn btn--primary' testId='statement-xlsx' onTap={() => download('xlsx')}>
            {downloading ? '正在下载…' : inWechat ? '打开 Excel 表格（可转发给财务）' : '下载 Excel 表格'}
          </Tap>
          {!inWechat && (
            <Tap className='btn btn--secondary' testId='statement-csv' onTap={() => download('csv')}>
              下载 CSV
            </Tap>
          )}
        </>
      )}
    </ElderPage>
  )
}
