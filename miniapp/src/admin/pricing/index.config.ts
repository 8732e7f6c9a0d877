export default definePageConfig({
  navigationBarTitleText: '餐价设置',
})
