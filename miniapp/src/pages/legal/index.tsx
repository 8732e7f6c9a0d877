import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ElderPage } from '../../components/ElderPage'
import { Tap } from '../../components/Tap'
import { goBackOrHome } from '../../lib/navigation'
import { isLegalDocumentId, LEGAL_VERSION, legalDocuments } from '../../lib/legal'
import './index.css'

/** The privacy notice or the user agreement, in large type; anyone can read them, signed in or not. */
export default function LegalPage() {
  const { params } = useRouter()
  const document = legalDocuments[isLegalDocumentId(params.doc) ? params.doc : 'privacy']
  return (
    <ElderPage>
      <View className='page-title' data-testid='legal-title'>
        {document.title}
      </View>
      <View className='hint'>版本：{LEGAL_VERSION}</View>
      {document.sections.map((section) => (
        <View key={section.heading} className='card legal-section'>
          <View className='card__title'>{section.heading}</View>
          {section.paragraphs.map((paragraph) => (
            <View key={paragraph} className='legal-paragraph'>
              {paragraph}
            </View>
          ))}
        </View>
      ))}
      <Tap className='btn btn--secondary' testId='legal-back' onTap={goBackOrHome}>
        看完了，返回
      </Tap>
    </ElderPage>
  )
}
