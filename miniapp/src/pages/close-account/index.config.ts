export default definePageConfig({
  // ElderPage renders <page-meta> so the text follows WeChat's font-size setting.
  enablePageMeta: true,
  navigationBarTitleText: '注销账户',
})
