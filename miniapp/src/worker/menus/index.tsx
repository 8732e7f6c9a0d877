import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Meal, MenuView } from '@yilin/contract'
import { copyWeekMenus, getPricing, listCentreMenus } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { dishKindNames, mealNames, mealOrder, relativeDay, weekdayShortName } from '../../lib/canteen'
import { addDays, chinaToday, formatMonthDay, formatTime, mondayOf, weekdayOf, yuan } from '../../lib/format'
import { pricingLine } from '../../lib/pricing'
import { scrollToTop } from '../../lib/scroll'
import { currentUser } from '../../lib/session'
import { MenuForm } from './MenuForm'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import '../worker.css'

const DAYS = 14

type Editing = { date: string; meal: Meal; menu?: MenuView }

function dishesText(menu: MenuView): string {
  return menu.dishes.map((dish) => `${dishKindNames[dish.kind]}·${dish.name}`).join('、')
}

/** The next two weeks of the centre's menus; publish or change one, or copy a week's menus forward. */
export default function MenusPage() {
  const { params } = useRouter()
  const centreId = params.centreId || currentUser()?.centreId || ''
  const isWorker = currentUser()?.role === 'worker'
  const today = chinaToday()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const loaded = useData(async () => (await listCentreMenus(centreId, today)).items, { onShow: true, enabled: centreId !== '' && !editing })
  const menus = loaded.data
  // The prices are set by the county platform; shown read-only, and left out if they cannot be read.
  const pricing = useData(() => getPricing(centreId), { onShow: true, enabled: centreId !== '' })
  const prices = pricing.error ? undefined : pricing.data

  async function copy(fromWeekStart: string, toWeekStart: string) {
    if (busy) return
    setBusy(true)
    setError('')
    setDone('')
    try {
      const { copied, skipped } = await copyWeekMenus(centreId, fromWeekStart, toWeekStart)
      setDone(`复制了 ${copied} 餐${skipped ? `，已有菜单的 ${skipped} 餐没有改动` : ''}。`)
      await loaded.reload()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  function edit(next: Editing | null) {
    setEditing(next)
    setDone('')
    scrollToTop()
  }

  if (editing) {
    return (
      <ElderPage dense>
        <MenuForm
          centreId={centreId}
          date={editing.date}
          meal={editing.meal}
          menu={editing.menu}
          onCancel={() => edit(null)}
          onSaved={(saved) => {
            loaded.setData((list) => [...list.filter((m) => !(m.date === saved.date && m.meal === saved.meal)), saved])
            edit(null)
            setDone(`${formatMonthDay(saved.date)} ${mealNames[saved.meal]}的菜单已发布。`)
          }}
        />
      </ElderPage>
    )
  }

  const thisMonday = mondayOf(today)
  const dates = Array.from({ length: DAYS }, (_, i) => addDays(today, i))
  return (
    <ElderPage dense>
      <View className='page-title'>菜单管理</View>
      <View className='hint'>未来两周的菜单。老人只能订已发布的餐。</View>
      {prices && (
        <View className='hint' data-testid='menus-pricing'>
          本中心餐价：{pricingLine(prices.rules)}
          {prices.custom ? '' : '（县里默认价）'}。餐价由县级平台设置。
        </View>
      )}
      {!centreId && <Notice kind='error' message='没有找到您所在的服务中心，请联系县级平台。' testId='menus-error' />}
      {error && <Notice kind='error' message={error} testId='menus-error' />}
      {done && <Notice kind='success' message={done} testId='menus-done' />}
      {isWorker && (
        <View className='choices'>
          <Tap className='choice' testId='menus-copy-this-week' onTap={() => copy(addDays(thisMonday, -7), thisMonday)}>
            复制上周菜单到本周
          </Tap>
          <Tap className='choice' testId='menus-copy-next-week' onTap={() => copy(thisMonday, addDays(thisMonday, 7))}>
            复制本周菜单到下周
          </Tap>
        </View>
      )}
      <DataStatus state={loaded} testId='menus-load' />
      {menus &&
        dates.map((date) => (
          <View key={date} className='card' data-testid={`menus-day-${date}`}>
            <View className='card__title'>
              {formatMonthDay(date)} {weekdayShortName(weekdayOf(date))}
              {relativeDay(date, today) ? `（${relativeDay(date, today)}）` : ''}
            </View>
            {mealOrder.map((meal) => {
              const menu = menus.find((m) => m.date === date && m.meal === meal)
              return (
                <View key={meal} className='worker-row' data-testid={`menus-row-${date}-${meal}`}>
                  <View className='worker-row__name'>
                    {mealNames[meal]}
                    {menu ? ` · 标准价 ${yuan(menu.standardPriceFen)} · ${formatTime(menu.cutoffAt)} 截止` : ' · ✕ 还没有发布'}
                  </View>
                  {menu && (
                    <>
                      <View className='menu-row__dishes'>{dishesText(menu)}</View>
                      <View className='worker-row__note'>
                        已订 堂食/自取 {menu.seatCapacity - menu.seatsLeft}/{menu.seatCapacity}，送餐 {menu.deliveryCapacity - menu.deliveriesLeft}/{menu.deliveryCapacity}
                      </View>
                    </>
                  )}
                  {isWorker && (
                    <Tap
                      className={menu ? 'btn btn--secondary' : 'btn btn--primary'}
                      testId={`menus-edit-${date}-${meal}`}
                      onTap={() => edit({ date, meal, menu })}
                    >
                      {menu ? '修改菜单' : '发布菜单'}
                    </Tap>
                  )}
                </View>
              )
            })}
          </View>
        ))}
    </ElderPage>
  )
}
