export default definePageConfig({
  navigationBarTitleText: '今日助餐',
})
