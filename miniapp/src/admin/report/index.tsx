import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SettlementRow } from '@yilin/contract'
import { getOrg } from '../../api'
import { messageOf } from '../../api/client'
import { getSettlement, settlementCsvPath } from '../../api/insights'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { MonthStepper } from '../../components/MonthStepper'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatDate, yuan } from '../../lib/format'
import { addMonths, thisMonth } from '../../lib/months'
import { useData } from '../../shared/useData'
import { downloadFile } from '../../lib/download-file'
import '../../styles/dashboard.css'
import './index.css'

// Printing is for the browser: the WeChat build leaves the print styles out.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a style sheet
if (process.env.TARO_ENV === 'h5') require('./print.h5.css')

/** Neither a CSV nor printing works inside WeChat: both are for the finance office's computer. */
const inBrowser = process.env.TARO_ENV === 'h5'

type Figures = Omit<SettlementRow, 'centreId' | 'centreName'>

const Row = ({ name, count, money, detail = false }: { name: string; count: string; money: string; detail?: boolean }) => (
  <View className={detail ? 'report-row report-row--detail' : 'report-row'}>
    <View className='report-row__name'>{name}</View>
    <View className='report-row__count'>{count}</View>
    <View className='report-row__money'>{money}</View>
  </View>
)

/** One centre's (or the county's) meals, visits and points, each with its categories under it. */
function FiguresTable({ title, figures, testId }: { title: string; figures: Figures; testId: string }) {
  return (
    <View className='report-table' data-testid={testId}>
      <View className='report-table__title'>{title}</View>
      <Row name='项目' count='数量' money='补贴（个人付）' />
      <Row name='助餐' count={`${figures.meals} 份`} money={`${yuan(figures.mealSubsidyFen)}（${yuan(figures.mealPaidFen)}）`} />
      {figures.mealsByCategory.map((row) => (
        <Row key={row.category} detail name={row.categoryName} count={`${row.meals} 份`} money={`${yuan(row.subsidyFen)}（${yuan(row.paidFen)}）`} />
      ))}
      <Row name='上门服务' count={`${figures.visits} 次`} money={`${yuan(figures.careSubsidyFen)}（${yuan(figures.carePaidFen)}）`} />
      {figures.visitsByCategory.map((row) => (
        <Row key={row.category} detail name={row.categoryName} count={`${row.visits} 次`} money={`${yuan(row.subsidyFen)}（${yuan(row.paidFen)}）`} />
      ))}
      <Row name='积分兑换' count={`${figures.pointsRedeemed} 分`} money='' />
      <Row name='补贴合计' count='' money={yuan(figures.mealSubsidyFen + figures.careSubsidyFen)} />
    </View>
  )
}

/**
 * The county's monthly settlement: per centre and category the canteen subsidy and the subsidised visits,
 * meals, visits and points redeemed. The page is its own one-page printable summary; the CSV is for the
 * finance office's spreadsheet.
 */
export default function SettlementReportPage() {
  const { params } = useRouter()
  const org = useData(getOrg)
  const countyId = org.data?.county.countyId ?? ''
  // A settlement is made for a month that has ended: the last one, unless the link names another.
  const [month, setMonth] = useState(params.month || addMonths(thisMonth(), -1))
  const loaded = useData(() => getSettlement(countyId, month), { deps: [countyId, month], enabled: countyId !== '' })
  const report = loaded.data
  const [downloading, setDownloading] = useState(false)
  const [done, setDone] = useState('')
  const [error, setError] = useState('')

  function showMonth(next: string) {
    setMonth(next)
    setDone('')
    setError('')
  }

  async function downloadCsv() {
    if (downloading || !report) return
    setDownloading(true)
    setError('')
    try {
      const name = `结算报表-${month}${report.complete ? '' : `-截至${report.asOf}`}.csv`
      await downloadFile(settlementCsvPath(countyId, month), name, 'csv')
      setDone('CSV 已下载，可用 Excel 或 WPS 打开。')
    } catch (err) {
      setError(err instanceof Error ? err.message : messageOf(err))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <ElderPage dense>
      <View className='report-controls'>
        <MonthStepper month={month} onChange={showMonth} testId='report-month' />
        {report && inBrowser && (
          <View className='choices'>
            <Tap className='btn btn--primary report-action' testId='report-download-csv' onTap={() => void downloadCsv()}>
              {downloading ? '正在下载…' : '下载 CSV'}
            </Tap>
            <Tap className='btn btn--secondary report-action' testId='report-print' onTap={() => window.print()}>
              打印（一页 A4）
            </Tap>
          </View>
        )}
        {report && !inBrowser && (
          <Notice kind='info' message='微信里不能下载 CSV 或打印。请在电脑浏览器里打开颐邻网页版，进入“月度结算报表”下载或打印。' testId='report-on-computer' />
        )}
        {error && <Notice kind='error' message={error} testId='report-error' />}
        {done && <Notice kind='success' message={done} testId='report-downloaded' />}
        <DataStatus state={org} testId='report-org' />
        <DataStatus state={loaded} testId='report' />
      </View>
      {report && (
        <View className='report-sheet' data-testid='report-sheet'>
          <View className='report-sheet__title' data-testid='report-title'>
            {report.title}
          </View>
          <View className='report-sheet__period' data-testid='report-period'>
            统计期间：{formatDate(report.from)} 至 {formatDate(report.to)}
            {report.complete ? '' : `（本月还没结束，数字截至 ${formatDate(report.asOf)}，还会变化）`}
          </View>
          <View className='report-centres'>
            {report.rows.length === 0 && <View className='hint'>这个月没有助餐和上门服务记录。</View>}
            {report.rows.map((row) => (
              <FiguresTable key={row.centreId} title={row.centreName} figures={row} testId={`report-centre-${row.centreId}`} />
            ))}
          </View>
          <FiguresTable title={`${report.county.name}合计`} figures={report.totals} testId='report-totals' />
          <View className='report-sheet__made' data-testid='report-made-on'>
            制表日期：{formatDate(report.madeOn)}
          </View>
        </View>
      )}
    </ElderPage>
  )
}
