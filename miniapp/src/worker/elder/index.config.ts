export default definePageConfig({
  navigationBarTitleText: '长辈资料核实',
})
