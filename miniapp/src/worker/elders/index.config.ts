export default definePageConfig({
  navigationBarTitleText: '社区长辈',
})
