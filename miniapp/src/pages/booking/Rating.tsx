import { useState } from 'react'
import { View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { rateBooking } from '../../api'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { RATING_STARS, ratingWords, starsText } from '../../lib/services'
import { formatMonthDayTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'

/** The rating given: stars and their words, the comment, who rated and when. */
export function RatingShown({ rating }: { rating: NonNullable<BookingView['rating']> }) {
  return (
    <View className='card' data-testid='booking-rating'>
      <View className='card__title'>评价</View>
      <View className='rating__stars' data-testid='booking-rating-stars'>
        {starsText(rating.stars)} {ratingWords[rating.stars - 1]}
      </View>
      {rating.comment && <View data-testid='booking-rating-comment'>{rating.comment}</View>}
      <View className='hint'>
        {rating.byName} 评价于 {formatMonthDayTime(rating.at)}
      </View>
    </View>
  )
}

/** Five big choices, each with its stars and its words; then an optional comment and 提交评价. */
export function RatingForm({ booking, onRated }: { booking: BookingView; onRated: (booking: BookingView) => void }) {
  const [stars, setStars] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const action = useAction()

  function submit() {
    if (stars === null) {
      action.setError('请先点一下，选几颗星。')
      return
    }
    void action.run(async () => {
      const answer = await rateBooking(booking.bookingId, { stars, comment: comment.trim() })
      onRated(answer.booking)
    })
  }

  return (
    <View className='card' data-testid='booking-rate'>
      <View className='card__title'>这次服务怎么样？</View>
      <View className='choices choices--stacked' role='radiogroup' aria-label='给这次服务打分'>
        {RATING_STARS.map((value) => {
          const on = value === stars
          return (
            <Tap
              key={value}
              className={on ? 'choice choice--wide choice--on' : 'choice choice--wide'}
              testId={`booking-rate-${value}`}
              role='radio'
              checked={on}
              label={`${value} 颗星，${ratingWords[value - 1]}`}
              onTap={() => setStars(value)}
            >
              <View className='choice__label'>
                {on ? '✓ ' : ''}
                {starsText(value)} {ratingWords[value - 1]}
              </View>
            </Tap>
          )
        })}
      </View>
      <View className='form-label'>想说的话（可以不填）</View>
      <TextInput label='想说的话（可以不填）' value={comment} maxlength={200} placeholder='例如：很细心，打扫得干净' testId='booking-rate-comment' onInput={setComment} />
      {action.error && <Notice kind='error' message={action.error} testId='booking-rate-error' />}
      <Tap className='btn btn--primary btn--big' testId='booking-rate-submit' onTap={submit}>
        {action.busy ? '正在提交…' : stars ? `提交评价：${ratingWords[stars - 1]}` : '提交评价'}
      </Tap>
    </View>
  )
}
