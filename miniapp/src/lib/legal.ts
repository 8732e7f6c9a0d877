import { ELDER_CONTACT_RETENTION_DAYS, PRIVACY_NOTICE_VERSION } from '@yilin/contract'

/**
 * The privacy notice (隐私保护指引) and the user agreement (用户协议), reachable from the sign-in page, the
 * home page's request to accept them and the account page. A new text changes `PRIVACY_NOTICE_VERSION` in the
 * contract, and everyone is asked again.
 */
export const LEGAL_VERSION = PRIVACY_NOTICE_VERSION

export interface LegalSection {
  heading: string
  paragraphs: string[]
}

export interface LegalDocument {
  title: string
  sections: LegalSection[]
}

export type LegalDocumentId = 'privacy' | 'terms'

export const legalDocuments: Record<LegalDocumentId, LegalDocument> = {
  privacy: {
    title: '颐邻隐私保护指引',
    sections: [
      {
        heading: '我们是谁',
        paragraphs: [
          '“颐邻”是本县社区居家养老服务的小程序，由县养老服务指导中心和各社区（村）服务站使用，为长辈提供助餐、上门服务和邻里互助。',
        ],
      },
      {
        heading: '我们收集哪些信息，为什么收集',
        paragraphs: [
          '您的微信身份标识（openid）：用来识别是您本人在登录，不会拿到您的微信密码和聊天内容。',
          '您的称呼，以及您是长辈的什么人（儿子、女儿……）：让长辈和社区工作者认出是谁在帮长辈办事。称呼可以用微信昵称，也可以自己填写。',
          '长辈的姓名、性别、出生日期、电话、住址、补贴类别、行动情况、饮食要求（如低盐、软食、过敏）和紧急联系人：用来订餐、送餐、按政策计算补贴，以及在紧急时联系家人。补贴类别由社区工作者核实，我们不保存身份证号码。',
          '订餐记录（订了哪一餐、取餐还是送餐、价格和补贴、是否送到）：用来安排食堂、送餐，并和政府结算补贴。',
          '紧急求助：长辈按下求助按钮的时间，以及长辈同意时手机所在的位置：用来让社区工作者马上找到长辈。位置只在求助时发送一次，由长辈本人的手机发送。',
          '健康数据（上门时量的血压、血糖、脉搏、体温、体重）：属于敏感个人信息，只有长辈本人同意（或绑定的家人代长辈同意）后才会保存，用来让长辈、家人和医生护士看到变化。不同意也可以照常预约上门，只是测量结果不保存；同意后随时可以在“健康记录”页撤回。',
          '消息提醒：我们把订餐、上门、心愿和求助的进展发到小程序的“消息”里；您在微信弹窗里同意订阅后，也会通过微信服务通知发给您。每同意一次，最多发一条。',
        ],
      },
      {
        heading: '谁能看到这些信息',
        paragraphs: [
          '长辈本人；长辈用邀请码绑定的家人；长辈所在社区的工作者；负责助餐的服务中心工作者（只看订单和送餐需要的信息）；县级平台（查看和结算本县的数据）。',
          '我们不会把您的信息卖给任何人，也不会用于广告。法律法规要求提供的情况除外。',
        ],
      },
      {
        heading: '信息存放在哪里，保存多久',
        paragraphs: [
          '信息存放在中国境内的服务器上，传输时加密。',
          '订单、价格和补贴、完成的上门服务和积分兑换是政府补贴结算的依据，按当地财政的要求保存，保存时不带电话、住址等联系方式；其他信息在不再需要时删除。',
          `长辈去世或迁出本县后，电话、住址、紧急联系人、饮食要求和健康数据再保存 ${ELDER_CONTACT_RETENTION_DAYS} 天，方便社区和家人办完最后的事，然后删除。`,
          '小程序里的消息保存半年。',
        ],
      },
      {
        heading: '您的权利',
        paragraphs: [
          '在“我的账号 › 我在颐邻的信息”可以看到颐邻保存的关于您（和您绑定的长辈）的全部信息，也可以下载一份 Excel 表格。',
          '您可以在小程序里查看和修改长辈的电话、住址、饮食和紧急联系人，修改自己的称呼，解除家人绑定。',
          '家人和志愿者可以自己注销账户：账户、微信登录、绑定、消息和积分马上删除；补贴结算必须保存的记录保留，但不再带您的名字和联系方式。',
          '长辈的账户要和社区工作者一起注销，因为补贴记录要按规定保留。撤回健康数据的同意后，已经记下的读数会一并删除。',
          '需要更正出生日期、补贴类别等核实过的信息，请联系所在社区的工作者，他们会在 15 个工作日内办理。',
        ],
      },
      {
        heading: '微信要求的授权',
        paragraphs: [
          '使用微信昵称填写称呼前，微信会请您先同意本指引。您不同意也可以自己填写称呼，其他功能照常使用。',
          '长辈按紧急求助时，微信会问是否允许使用位置。不允许也照样能求助，社区工作者会按登记的住址上门。',
        ],
      },
    ],
  },
  terms: {
    title: '颐邻用户协议',
    sections: [
      {
        heading: '这个小程序做什么',
        paragraphs: [
          '颐邻帮助长辈和家人向社区订餐、预约服务，帮助社区工作者登记、确认和安排服务。服务由社区和服务中心提供，价格和补贴按县里公布的政策执行。',
        ],
      },
      {
        heading: '请您做到',
        paragraphs: [
          '用真实的称呼，如实填写长辈的信息；只替自己照看的长辈办事。',
          '邀请码和登录码只告诉自己信得过的家人，不要转给陌生人。发现不认识的人绑定了长辈，请马上在“家人绑定”里解除，或告诉社区工作者。',
        ],
      },
      {
        heading: '订餐和取消',
        paragraphs: [
          '每一餐在截止时间前可以自己取消，过了截止时间请联系服务中心。订单页会写明付款方式和送餐地址。',
        ],
      },
      {
        heading: '遇到问题',
        paragraphs: ['有任何问题，请联系所在社区的工作者或服务中心。紧急情况请直接拨打 120 或 110。'],
      },
    ],
  },
}

export const isLegalDocumentId = (value: string | undefined): value is LegalDocumentId => value === 'privacy' || value === 'terms'
