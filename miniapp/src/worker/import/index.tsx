import { useState } from 'react'
import { View } from '@tarojs/components'
import { IMPORT_MAX_FILE_BYTES, importColumns, type ImportPreviewResponse, type ImportResultResponse } from '@yilin/contract'
import { confirmElderImport, previewElderImport } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { newIdempotencyKey } from '../../lib/canteen'
import { currentUser } from '../../lib/session'
import { pickSpreadsheet } from './pick-file'
import '../worker.css'

/**
 * A worker imports the community's elders from the spreadsheet it already keeps: choose the file (in WeChat from
 * a chat), see what would be added and every problem by row and column, confirm, see how many were added.
 * A bad row is fixed in the spreadsheet and the file chosen again: the sheet is the community's register and
 * stays right for next time, and rows already registered are skipped, so choosing again never adds anyone twice.
 */
export default function ImportPage() {
  const communityId = currentUser()?.communityId ?? ''
  const [preview, setPreview] = useState<ImportPreviewResponse>()
  const [result, setResult] = useState<ImportResultResponse>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // One key per preview, resent when the worker taps again after a lost answer.
  const [confirmKey, setConfirmKey] = useState(newIdempotencyKey)

  async function choose() {
    if (busy) return
    setError('')
    try {
      const file = await pickSpreadsheet()
      if (!file) return
      if (file.size > IMPORT_MAX_FILE_BYTES) return setError('文件太大了：最大 1 MB，请把表格分成几个文件再导入。')
      setBusy(true)
      setResult(undefined)
      setPreview(await previewElderImport(communityId, file.name, file.content))
      setConfirmKey(newIdempotencyKey())
    } catch (err) {
      setPreview(undefined)
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  async function confirm() {
    if (!preview || busy) return
    setBusy(true)
    setError('')
    try {
      setResult(await confirmElderImport(communityId, preview.importId, confirmKey))
      setPreview(undefined)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const problemRows = preview?.rows.filter((row) => row.status === 'problem') ?? []
  return (
    <ElderPage dense>
      <View className='page-title'>导入长辈名册</View>
      {error && <Notice kind='error' message={error} testId='import-error' />}
      {result && <Notice kind='success' message={`已导入：新建 ${result.added} 位，已有 ${result.skipped} 位跳过。`} testId='import-result' />}

      {!preview && (
        <View className='card' data-testid='import-template'>
          <View className='card__title'>表格第 1 行写列名，从第 2 行起每行一位长辈</View>
          <View className='hint'>必填：{importColumns.filter((c) => c.required).map((c) => c.column).join('、')}</View>
          <View className='hint'>可选：{importColumns.filter((c) => !c.required).map((c) => c.column).join('、')}</View>
          <View className='hint'>是否类的列填“是”或“否”，空着算“否”。Excel（.xlsx）或 CSV，最多 500 行、1 MB。</View>
        </View>
      )}

      <Tap className={preview ? 'btn btn--secondary' : 'btn btn--primary'} testId='import-choose' onTap={choose}>
        {busy && !preview ? '正在读取表格…' : preview ? '重新选择文件' : '选择表格文件'}
      </Tap>

      {preview && (
        <View data-testid='import-preview'>
          <View className='card'>
            <View className='card__title'>{preview.fileName}</View>
            <View data-testid='import-counts'>
              新建 {preview.counts.new} 位 · 已有 {preview.counts.registered} 位 · 有问题 {preview.counts.problem} 行
            </View>
            {preview.ignoredColumns.length > 0 && <View className='hint'>这些列不导入：{preview.ignoredColumns.join('、')}</View>}
          </View>
          {problemRows.length > 0 && (
            <>
              <Notice kind='info' message='请在表格里改好下面这些行，保存后点“重新选择文件”。已登记的长辈会自动跳过，不会重复。' testId='import-fix-hint' />
              {problemRows.map((row) =>
                row.problems.map((problem, index) => (
                  <View key={`${row.row}-${index}`} className='worker-row' data-testid={`import-problem-${row.row}`}>
                    <View className='worker-row__name'>
                      第 {row.row} 行{row.name ? `（${row.name}）` : ''} · {problem.column || '整行'}
                    </View>
                    <View className='worker-row__note'>{problem.message}</View>
                  </View>
                )),
              )}
            </>
          )}
          {problemRows.length === 0 && (
            <Tap className='btn btn--primary' testId='import-confirm' onTap={confirm}>
              {busy ? '正在导入…' : preview.counts.new > 0 ? `确认导入 ${preview.counts.new} 位长辈` : '没有新长辈，完成'}
            </Tap>
          )}
        </View>
      )}
    </ElderPage>
  )
}
