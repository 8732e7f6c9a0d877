export default definePageConfig({
  navigationBarTitleText: '长辈本人登录',
})
