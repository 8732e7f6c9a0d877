import type { DataState } from '../shared/useData'
import { Loading } from './Loading'
import { Notice } from './Notice'
import { Tap } from './Tap'

interface Props<T> {
  state: DataState<T>
  /** Test ids: `${testId}-error`, `${testId}-retry` and `${testId}-empty`. */
  testId: string
  /** What to say when the answer holds nothing to show (a null answer is the page's own case). */
  empty?: { when: (data: NonNullable<T>) => boolean; message: string }
}

/**
 * What a page shows instead of its data while there is none to show: 正在加载 while the first load
 * runs; the reason and a big 重试 button when a load failed (above what is still on screen, if
 * anything); a plain sentence when the answer is empty. Shows nothing once there is data to show.
 */
export function DataStatus<T>({ state, testId, empty }: Props<T>) {
  const { data, error, loading, reload } = state
  if (error) {
    return (
      <>
        <Notice kind='error' message={error} testId={`${testId}-error`} />
        <Tap
          className='btn btn--primary'
          testId={`${testId}-retry`}
          onTap={() => {
            if (!loading) void reload()
          }}
        >
          {loading ? '正在重新加载…' : '重试'}
        </Tap>
      </>
    )
  }
  if (data === undefined) return loading ? <Loading /> : null
  if (empty && data !== null && empty.when(data)) return <Notice kind='info' message={empty.message} testId={`${testId}-empty`} />
  return null
}
