import type { Swiper as TaroSwiper, SwiperItem as TaroSwiperItem } from '@tarojs/components';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { defineCustomElement as defineSwiper } from '@tarojs/components/dist/components/taro-swiper-core.js';
import { defineCustomElement as defineSwiperItem } from '@tarojs/components/dist/components/taro-swiper-item-core.js';

/**
 * Taro's H5 <Swiper>, declared here rather than taken from '@tarojs/components'. Taro's H5 component module declares
 * all of its components in one shared module, so one page's Swiper put the swiper library (~190 KB) on every page,
 * the home page included. Declared here, it loads only with the pages that draw one.
 */
export const Swiper = createReactComponent(
  'taro-swiper-core',
  undefined,
  manipulatePropsFunction,
  defineSwiper,
) as unknown as typeof TaroSwiper;

export const SwiperItem = createReactComponent(
  'taro-swiper-item-core',
  undefined,
  manipulatePropsFunction,
  defineSwiperItem,
) as unknown as typeof TaroSwiperItem;
