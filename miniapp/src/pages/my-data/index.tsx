import { useState } from 'react'
import { View } from '@tarojs/components'
import { closedElsewhereText, dataCopyKindNames, type DataCopyKind, type DataCopySection } from '@yilin/contract'
import { getMyData } from '../../api/rights'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { downloadFile } from '../../lib/download-file'
import { formatDateTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import './index.css'

/** The kinds of record in the copy, each named once (a relative's copy has each elder's). */
const kindsOf = (sections: DataCopySection[]) => [...new Set(sections.map((section) => dataCopyKindNames[section.kind]))]

/** Rows shown on the page per kind; the workbook has them all. */
const SHOWN = 5

/** The kinds that are facts about one person (名字：王磊), shown whole and in order, not as a list of records. */
const FACTS: ReadonlySet<DataCopyKind> = new Set(['profile', 'elder'])

function Facts({ section }: { section: DataCopySection }) {
  return (
    <View className='card' data-testid={`my-data-${section.kind}`}>
      <View className='card__title'>{section.title}</View>
      {section.rows.map(([label, value]) => (
        <View className='my-data__cell' key={label}>
          <View className='my-data__label'>{label}</View>
          <View className='my-data__value'>{value || '（没有填）'}</View>
        </View>
      ))}
    </View>
  )
}

/** One kind of record: how many, and the newest few as "列：值" lines, big enough to read. */
function SectionCard({ section }: { section: DataCopySection }) {
  const [all, setAll] = useState(false)
  // The copy lists oldest first, as a ledger does; the page starts from the newest.
  const rows = (all ? section.rows : section.rows.slice(-SHOWN)).slice().reverse()
  return (
    <View className='card' data-testid={`my-data-${section.kind}`}>
      <View className='card__title'>
        {section.title}
        <View className='my-data__count'>{section.rows.length === 0 ? '没有记录' : `${section.rows.length} 条`}</View>
      </View>
      {rows.map((row, index) => (
        <View className='my-data__row' key={index}>
          {row.map((cell, column) =>
            cell ? (
              <View className='my-data__cell' key={column}>
                <View className='my-data__label'>{section.columns[column]}</View>
                <View className='my-data__value'>{cell}</View>
              </View>
            ) : null,
          )}
        </View>
      ))}
      {!all && section.rows.length > SHOWN && (
        <Tap className='link' testId={`my-data-${section.kind}-all`} onTap={() => setAll(true)}>
          还有 {section.rows.length - SHOWN} 条，全部看看 ›
        </Tap>
      )}
    </View>
  )
}

/**
 * 我在颐邻的信息: everything the app holds about the person (a relative also sees each bound elder's), newest
 * first in each kind, and a copy to keep as an Excel file. Closing the account starts from here.
 */
export default function MyDataPage() {
  const copy = useData(getMyData)
  const download = useAction()
  const [downloaded, setDownloaded] = useState(false)
  const role = currentUser()?.role

  const save = () =>
    download.run(async () => {
      const made = copy.data?.madeAt.slice(0, 10) ?? ''
      await downloadFile('/me/data/xlsx', `我的数据-${copy.data?.name ?? ''}-${made}.xlsx`, 'xlsx')
      setDownloaded(true)
    })

  return (
    <ElderPage>
      <View className='page-title'>我在颐邻的信息</View>
      <View className='hint'>这里是颐邻保存的关于您{role === 'family' ? '和您绑定的长辈' : ''}的全部信息。</View>
      <Tap className='btn btn--primary btn--big' testId='my-data-download' onTap={() => void save()}>
        {download.busy ? '正在下载…' : '下载一份（Excel 表格）'}
      </Tap>
      {downloaded && <Notice kind='success' message='已下载。可以保存到手机，或转发到“文件传输助手”，在电脑上打开。' testId='my-data-downloaded' />}
      {download.error && <Notice kind='error' message={download.error} testId='my-data-download-error' />}
      <DataStatus state={copy} testId='my-data' />
      {copy.data && (
        <View>
          <View className='hint' data-testid='my-data-made'>
            {formatDateTime(copy.data.madeAt)} 的情况，共 {kindsOf(copy.data.sections).length} 类：{kindsOf(copy.data.sections).join('、')}。
          </View>
          {copy.data.sections.map((section) =>
            FACTS.has(section.kind) ? <Facts key={section.title} section={section} /> : <SectionCard key={section.title} section={section} />,
          )}
        </View>
      )}
      <View className='card'>
        <View className='card__title'>不想再用颐邻了？</View>
        {role === 'family' || role === 'volunteer' ? (
          <Tap className='btn btn--secondary' testId='my-data-close' onTap={() => goTo('/pages/close-account/index')}>
            注销账户…
          </Tap>
        ) : (
          <View className='hint' data-testid='my-data-close-elsewhere'>
            {role && closedElsewhereText(role)}
          </View>
        )}
      </View>
    </ElderPage>
  )
}
