import { useMemo } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { measurementNames, measurementUnits, type HealthPoint, type HealthRecordResponse, type MeasurementKind } from '@yilin/contract'
import { getHealthRecord } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { HealthChart } from './HealthChart'
import { HealthConsentCard } from './HealthConsentCard'
import { Notice } from '../../components/Notice'
import { flagMarks, SERVICES_URL } from '../../lib/services'
import { goTo } from '../../lib/navigation'
import { Tap } from '../../components/Tap'
import { elderIdForPage } from '../../lib/currentElder'
import { formatDateTime, formatMonthDay } from '../../lib/format'
import { bloodPressureSeries, glucoseSeries } from '../../lib/health-chart'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import './index.css'

type Health = { record: HealthRecordResponse }

/** The elder's whole access log; a relative's page names the elder. */
const accessLogUrl = (elderId: string) => `/pages/access-log/index?elderId=${elderId}`

const pressureLines = { systolic: { name: '高压（收缩压）' }, diastolic: { name: '低压（舒张压）', dashed: true } }
const glucoseLines = { glucose: { name: '血糖' } }

interface Latest {
  kind: MeasurementKind
  text: string
  point: HealthPoint
}

const last = <T extends HealthPoint>(points: T[]): T | undefined => [...points].sort((a, b) => a.at.localeCompare(b.at)).pop()

/** The latest reading of each kind, in words: "150/95 mmHg", "6.8 mmol/L（空腹）". */
function latestReadings(record: HealthRecordResponse): Latest[] {
  const unit = (kind: MeasurementKind) => measurementUnits[kind]
  const pressure = last(record.bloodPressure)
  const glucose = last(record.glucose)
  const plain = (['pulse', 'temperature', 'weight'] as const).map((kind): Latest | undefined => {
    const point = last(record[kind])
    return point && { kind, text: `${point.value} ${unit(kind)}`, point }
  })
  const readings: Array<Latest | undefined> = [
    pressure && { kind: 'bloodPressure', text: `${pressure.systolic}/${pressure.diastolic} ${unit('bloodPressure')}`, point: pressure },
    glucose && { kind: 'glucose', text: `${glucose.value} ${unit('glucose')}（${glucose.fasting ? '空腹' : '饭后'}）`, point: glucose },
    ...plain,
  ]
  return readings.filter((reading): reading is Latest => reading !== undefined)
}

function LatestReading({ reading }: { reading: Latest }) {
  const { point } = reading
  return (
    <View className='reading' data-testid={`health-latest-${reading.kind}`}>
      <View className='reading__name'>
        {measurementNames[reading.kind]} · {formatMonthDay(point.date)}量
      </View>
      <View className='reading__value'>
        {reading.text}
        {point.flag ? (
          <View className='reading__flag'>
            {flagMarks[point.flag]} {point.flagName}
          </View>
        ) : (
          <View className='health__normal'>正常</View>
        )}
      </View>
    </View>
  )
}

/** The elder's readings from medical visits as charts, the latest in words, and who has looked at them. */
export default function HealthPage() {
  const { params } = useRouter()
  const role = currentUser()?.role
  const isElder = role === 'elder'
  // Null when a family member has no bound elder.
  const view = useData<Health | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      if (!elderId) return null
      return { record: await getHealthRecord(elderId) }
    },
    { onShow: true },
  )
  const record = view.data?.record
  const pressure = useMemo(() => (record ? bloodPressureSeries(record) : []), [record])
  const glucose = useMemo(() => (record ? glucoseSeries(record) : []), [record])
  const latest = record ? latestReadings(record) : []

  return (
    <ElderPage>
      <View className='page-title' data-testid='health-title'>
        {record && !isElder ? `${record.elder.name}的健康记录` : '我的健康记录'}
      </View>
      <View className='hint'>医生、护士上门时量的血压、血糖等，都记在这里。</View>
      {view.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='health-no-elder' />}
      <DataStatus state={view} testId='health' empty={{ when: () => latest.length === 0, message: '还没有量过。约一次医生或护士上门，量过后就会记在这里。' }} />
      {record && record.bloodPressure.length > 0 && <HealthChart id='health-pressure' title='血压（mmHg）' series={pressure} lines={pressureLines} />}
      {record && record.glucose.length > 0 && <HealthChart id='health-glucose' title='血糖（mmol/L）' series={glucose} lines={glucoseLines} />}
      {latest.length > 0 && (
        <View className='card' data-testid='health-latest'>
          <View className='card__title'>最近一次</View>
          {latest.map((reading) => (
            <LatestReading key={reading.kind} reading={reading} />
          ))}
        </View>
      )}
      {/* Who has looked: the elder's and family's to see (a worker's own look is the one being kept). */}
      {record?.reads && (
        <View className='card' data-testid='health-reads'>
          <View className='card__title'>谁看过健康记录</View>
          {record.reads.length === 0 && <View>还没有别人看过。</View>}
          {record.reads.map((read, index) => (
            <View key={`${read.at}-${index}`} className='health__read'>
              <View className='health__read-name'>
                {read.name}（{read.roleName}）
              </View>
              <View className='hint'>{formatDateTime(read.at)}</View>
            </View>
          ))}
          <Tap className='btn btn--secondary' testId='health-access-log' onTap={() => goTo(accessLogUrl(record.elder.elderId))}>
            看全部记录：谁看过、改过资料
          </Tap>
        </View>
      )}
      {/* The consent is the elder's side's to give or withdraw: the elder, or a bound relative for them. */}
      {record && (isElder || role === 'family') && <HealthConsentCard elderId={record.elder.elderId} isElder={isElder} elderName={record.elder.name} onChanged={() => void view.reload()} />}
      {view.data && (
        <Tap className='btn btn--secondary' testId='health-book' onTap={() => goTo(SERVICES_URL)}>
          约医生、护士上门量一量
        </Tap>
      )}
    </ElderPage>
  )
}
