import { View } from '@tarojs/components'
import type { AppointedRole, OrgResponse } from '@yilin/contract'
import { Tap } from '../../components/Tap'

/** Where someone works: a community for a worker, a service centre for service staff. */
export interface PlaceChoice {
  communityId?: string
  centreId?: string
}

/** The places of the county a worker (communities) or staff member (centres) can be put, as radio choices. */
export function placeOptions(org: OrgResponse, role: AppointedRole): Array<{ key: string; label: string; place: PlaceChoice }> {
  if (role === 'staff') return org.centres.map((centre) => ({ key: centre.centreId, label: centre.name, place: { centreId: centre.centreId } }))
  return org.centres.flatMap((centre) =>
    centre.communities.map((community) => ({ key: community.communityId, label: `${community.name}（${centre.name}）`, place: { communityId: community.communityId } })),
  )
}

const keyOf = (place: PlaceChoice | null) => place?.communityId ?? place?.centreId ?? ''

interface Props {
  org: OrgResponse
  role: AppointedRole
  value: PlaceChoice | null
  onChange: (place: PlaceChoice) => void
  testId: string
}

export function PlaceChoices({ org, role, value, onChange, testId }: Props) {
  const label = role === 'staff' ? '所在服务中心' : '所在社区'
  return (
    <View>
      <View className='form-label'>{label}</View>
      <View className='choices choices--stacked' role='radiogroup' aria-label={label} data-testid={testId}>
        {placeOptions(org, role).map((option) => {
          const on = keyOf(value) === option.key
          return (
            <Tap
              key={option.key}
              className={on ? 'choice choice--wide choice--on' : 'choice choice--wide'}
              testId={`${testId}-${option.key}`}
              role='radio'
              checked={on}
              onTap={() => onChange(option.place)}
            >
              <View className='choice__label'>
                {on ? '◉ ' : '○ '}
                {option.label}
              </View>
            </Tap>
          )
        })}
      </View>
    </View>
  )
}
