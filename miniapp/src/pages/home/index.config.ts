export default definePageConfig({
  navigationBarTitleText: '邻里好物',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});
