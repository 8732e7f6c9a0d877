import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EMERGENCY_NUMBER, type AlertLocation, type AlertResponse, type CallNumber } from '@yilin/contract'
import { raiseAlert, sendAlertLocation } from '../api/notify'
import { newIdempotencyKey } from '../lib/canteen'
import { currentUser } from '../lib/session'
import { useAction } from '../shared/useAction'
import { Notice } from './Notice'
import { Tap } from './Tap'
import './sos.css'

/** How long the button is held before it calls for help (the fill shows it growing). */
const HOLD_MS = 2000
/** A browser copies a touch as mouse events just after it: those are the same press, not a second one. */
const TOUCH_ECHO_MS = 800
/** A finger that slides further than this while holding is scrolling the page, not pressing. */
const MOVE_SLOP_PX = 12
/** A location that takes longer than this is not waited for: the call has gone already. */
const LOCATE_MS = 5000
/** The contract's largest accuracy; a rougher fix is sent without it. */
const ACCURACY_MAX = 100_000

const locationOf = (latitude: number, longitude: number, accuracy?: number): AlertLocation => ({
  latitude,
  longitude,
  ...(accuracy !== undefined && accuracy >= 0 && accuracy <= ACCURACY_MAX ? { accuracy } : {}),
})

/**
 * Where the phone is, if it can tell within a few seconds; otherwise null. WeChat answers in GCJ-02, the
 * coordinates its map (openLocation) takes; a browser answers in WGS-84. Never throws.
 */
function whereNow(): Promise<AlertLocation | null> {
  const asked = new Promise<AlertLocation | null>((resolve) => {
    try {
      if (process.env.TARO_ENV === 'weapp') {
        Taro.getLocation({ type: 'gcj02' }).then(
          (at) => resolve(locationOf(at.latitude, at.longitude, at.accuracy)),
          () => resolve(null),
        )
      } else if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && navigator.geolocation) {
        navigator.geolocation.getCurrentPosition(
          (at) => resolve(locationOf(at.coords.latitude, at.coords.longitude, at.coords.accuracy)),
          () => resolve(null),
          { timeout: LOCATE_MS, maximumAge: 60_000 },
        )
      } else {
        resolve(null)
      }
    } catch {
      resolve(null)
    }
  })
  return Promise.race([asked, new Promise<null>((resolve) => setTimeout(() => resolve(null), LOCATE_MS))])
}

interface Props {
  elderId: string
  /** The call as the server answered it (the call already open, if there was one). */
  onRaised: (response: AlertResponse) => void
}

type Phase = 'idle' | 'holding' | 'asking'
type Point = { x: number; y: number }

/** Where the first finger is, from a touch event of WeChat or of the browser. */
function fingerOf(event: unknown): Point | null {
  const touch = (event as { touches?: ArrayLike<{ clientX: number; clientY: number }> }).touches?.[0]
  return touch ? { x: touch.clientX, y: touch.clientY } : null
}

/**
 * 紧急求助: fires only on a deliberate press. Held for two seconds (a fill grows while it is held; letting
 * go early stops it), or tapped and then confirmed on the page, for hands that cannot hold. The call goes
 * at once; the location follows if the phone gives it within a few seconds.
 *
 * The question that a short press opens covers the place the button was, so the click a phone sends
 * after the finger lifts lands on words, never on 是，马上求助.
 */
export function SosButton({ elderId, onRaised }: Props) {
  const [phase, setPhase] = useState<Phase>('idle')
  const action = useAction()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // Set when the hold fired, so the click that ends that same press does not ask as well.
  const firedByHold = useRef(false)
  const lastTouch = useRef(0)
  const touchedAt = useRef<Point | null>(null)

  useEffect(() => () => clearTimeout(timer.current), [])

  const raise = () =>
    action.run(async () => {
      setPhase('idle')
      // Only the elder's own phone says where the elder is: a relative pressing from afar would send where they are.
      const where = currentUser()?.role === 'elder' ? whereNow() : Promise.resolve(undefined)
      // One key per press: a retried request answers the call it made; the server also answers the call
      // already open, so a second press never makes a second call.
      const answer = await raiseAlert(elderId, newIdempotencyKey())
      onRaised(answer)
      void where.then((location) => (location ? sendAlertLocation(answer.alert.alertId, location) : undefined)).catch(() => undefined)
    })

  const stopHolding = () => {
    const wasHolding = timer.current !== undefined
    clearTimeout(timer.current)
    timer.current = undefined
    return wasHolding
  }

  const pressStart = () => {
    if (action.busy || phase === 'asking') return
    firedByHold.current = false
    stopHolding()
    setPhase('holding')
    timer.current = setTimeout(() => {
      timer.current = undefined
      firedByHold.current = true
      void raise()
    }, HOLD_MS)
  }

  /** Let go early: the hold stops; lifting the finger (not sliding off) asks instead. */
  const pressEnd = (ask: boolean) => {
    if (stopHolding()) setPhase(ask ? 'asking' : 'idle')
  }

  const touched = () => {
    lastTouch.current = Date.now()
  }
  const isTouchEcho = () => Date.now() - lastTouch.current < TOUCH_ECHO_MS

  const handlers: Record<string, unknown> = {
    onTouchStart: (event: unknown) => {
      touched()
      touchedAt.current = fingerOf(event)
      pressStart()
    },
    onTouchMove: (event: unknown) => {
      const from = touchedAt.current
      const at = fingerOf(event)
      if (from && at && Math.hypot(at.x - from.x, at.y - from.y) > MOVE_SLOP_PX) pressEnd(false)
    },
    onTouchEnd: () => {
      touched()
      pressEnd(true)
    },
    onTouchCancel: () => pressEnd(false),
  }
  if (process.env.TARO_ENV === 'h5') {
    handlers.onMouseDown = () => {
      if (!isTouchEcho()) pressStart()
    }
    handlers.onMouseUp = () => {
      if (!isTouchEcho()) pressEnd(true)
    }
    handlers.onMouseLeave = () => pressEnd(false)
    // A long press would otherwise open the browser's menu for the text.
    handlers.onContextMenu = (event: Event) => event.preventDefault()
  }

  // A tap (or Enter on the keyboard) asks, unless this press already called by being held.
  const tapped = () => {
    if (firedByHold.current || action.busy) return
    stopHolding()
    setPhase('asking')
  }

  if (phase === 'asking') {
    return (
      <View className='sos-confirm' data-testid='sos-confirm'>
        <View className='sos-confirm__question' role='alert'>
          要叫人来帮忙吗？
        </View>
        <Tap className='btn btn--danger btn--big' testId='sos-confirm-yes' onTap={() => void raise()}>
          是，马上求助
        </Tap>
        <Tap className='btn btn--secondary btn--big' testId='sos-confirm-no' onTap={() => setPhase('idle')}>
          不用了
        </Tap>
      </View>
    )
  }

  const holding = phase === 'holding'
  return (
    <>
      {action.error && (
        <>
          <Notice kind='error' message={`没有发出去：${action.error}可以再按一次，或者直接打电话。`} testId='sos-error' />
          <CallButton label={`急救电话 ${EMERGENCY_NUMBER}`} phone={EMERGENCY_NUMBER} testId='sos-error-call' />
        </>
      )}
      <View className='sos-press' {...handlers}>
        <Tap className={holding ? 'sos sos--holding' : 'sos'} testId='sos-button' onTap={tapped}>
          <View className='sos__fill' style={{ transitionDuration: holding ? `${HOLD_MS}ms` : '0ms' }} />
          <View className='sos__title'>紧急求助</View>
          <View className='sos__hint'>{action.busy ? '正在发出求助…' : holding ? '继续按住…' : '按住 2 秒'}</View>
        </Tap>
      </View>
      <View className='hint'>按不住也没关系：点一下，会再问您一次。</View>
    </>
  )
}

/**
 * One number to call at once, as a big button: what it is and the number written out (its visible words are
 * its name for screen readers too). In WeChat it dials
 * through makePhoneCall; in the browser it is a `tel:` link, which phones dial.
 */
export function CallButton({ label, phone, testId }: CallNumber & { testId: string }) {
  const content = (
    <>
      <View className='call-button__label'>{label}</View>
      <View className='call-button__phone'>拨打 {phone}</View>
    </>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='btn call-button' href={`tel:${phone}`} data-testid={testId}>
        {content}
      </a>
    )
  }
  return (
    <Tap className='btn call-button' testId={testId} onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {content}
    </Tap>
  )
}
