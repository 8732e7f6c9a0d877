export default definePageConfig({
  // ElderPage renders <page-meta> so the text follows WeChat's font-size setting.
  enablePageMeta: true,
  // A relative can forward the page (the invitation card on the binding page).
  enableShareAppMessage: true,
  navigationBarTitleText: '颐邻',
})
