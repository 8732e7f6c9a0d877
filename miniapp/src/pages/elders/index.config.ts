export default definePageConfig({
  navigationBarTitleText: '选择长辈',
})
