// Mini-programs draw <swiper> natively: nothing to split out there. H5 takes swiper.h5.tsx (Taro's per-platform
// file resolution).
export { Swiper, SwiperItem } from '@tarojs/components';
