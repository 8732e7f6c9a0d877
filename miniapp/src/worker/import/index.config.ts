export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '导入长辈名册',
})
