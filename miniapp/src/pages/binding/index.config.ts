export default definePageConfig({
  navigationBarTitleText: '家人绑定',
})
