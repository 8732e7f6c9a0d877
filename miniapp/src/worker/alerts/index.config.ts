export default definePageConfig({
  // <page-meta> carries WeChat's font-size setting into the page (see ElderPage).
  enablePageMeta: true,
  navigationBarTitleText: '紧急求助',
})
