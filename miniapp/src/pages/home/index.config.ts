export default definePageConfig({
  navigationBarTitleText: '颐邻',
})
