import { Image, View } from '@tarojs/components'

interface Props {
  src: string
  /** Whose photo, e.g. 张丽: said to screen readers as 张丽的照片. */
  name: string
  className: string
  testId?: string
}

/**
 * A person's photo, always shown beside their name (which is what WeChat's screen reader says: its compiled
 * templates carry no aria attributes). In the browser build the frame is announced as "张丽的照片" and the
 * inner <img>, which cannot take a label there, is hidden from screen readers.
 */
export function Photo({ src, name, className, testId }: Props) {
  return (
    <View role='img' aria-label={`${name}的照片`} data-testid={testId}>
      <Image className={className} src={src} mode='aspectFill' aria-hidden='true' />
    </View>
  )
}
