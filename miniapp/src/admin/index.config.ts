export default definePageConfig({
  navigationBarTitleText: '全县社区',
})
