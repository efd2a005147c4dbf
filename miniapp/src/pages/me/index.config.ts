export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#fa2c19',
});
