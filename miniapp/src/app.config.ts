export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index', 'pages/login/index'],
  // One subpackage per feature; the main package keeps only the tab pages and login (WeChat: ≤ 2 MB each).
  subPackages: [
    { root: 'subpackages/product', pages: ['detail/index'] },
    {
      root: 'subpackages/order',
      pages: [
        'checkout/index',
        'cashier/index',
        'result/index',
        'list/index',
        'detail/index',
        'after-sale/apply/index',
        'after-sale/detail/index',
      ],
    },
    { root: 'subpackages/groupbuy', pages: ['group/index', 'list/index'] },
    { root: 'subpackages/seckill', pages: ['list/index', 'grab/index'] },
    { root: 'subpackages/user', pages: ['addresses/index'] },
  ],
  // weapp: inject only the components a page actually renders, when it renders them (WeChat's quality scan asks)
  lazyCodeLoading: 'requiredComponents',
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['subpackages/product'] },
  },
  window: {
    // 'default' also turns on Taro's H5 navigation bar (title + back/home buttons)
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#e1251b',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '邻里',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    // 4.5:1 or more on the white bar
    color: '#646566',
    selectedColor: '#e1251b',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
