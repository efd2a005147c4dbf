export default definePageConfig({ navigationBarTitleText: '秒杀抢购' });
