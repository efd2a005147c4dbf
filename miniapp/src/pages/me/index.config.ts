export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#e1251b',
});
