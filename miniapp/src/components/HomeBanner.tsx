import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Campaign } from '@contracts';
import { resolveAsset } from '../services/env';
import { listCampaigns } from '../services/groupbuy';
import { scrollRegion } from './a11y';
import PriceTagView from './PriceTag';
import { imageAlt } from './img-alt';
import './HomeBanner.css';

const openProduct = (id: number) => void Taro.navigateTo({ url: `/subpackages/product/detail/index?id=${id}` });

/**
 * The home page's banner: the group buys running now (what operators set up in 拼团活动), a swipeable row of
 * slides, and the way into 拼团专区. The first paint never waits for it: until the campaigns are in, an empty
 * slide holds its place (so the product grid below doesn't jump down when they arrive); with none, it goes.
 */
export default function HomeBanner() {
  // null: still asking
  const [items, setItems] = useState<Campaign[] | null>(null);
  useEffect(() => {
    listCampaigns()
      .then((r) => setItems(r.items.slice(0, 5)))
      .catch(() => setItems([])); // the banner is optional: the product list below still works
  }, []);
  if (items === null) {
    return (
      <View className="home-banner" aria-hidden="true">
        <View className="home-banner__head">
          <Text className="home-banner__label">限时拼团</Text>
        </View>
        <View className="home-banner__placeholder" />
      </View>
    );
  }
  if (!items.length) return null;

  return (
    <View className="home-banner">
      <View className="home-banner__head">
        <Text className="home-banner__label">限时拼团</Text>
        <View className="home-banner__entries">
          <Text
            className="home-sk-entry"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/seckill/list/index' })}
          >
            限时秒杀 ›
          </Text>
          <Text
            className="home-gb-entry"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/groupbuy/list/index' })}
          >
            拼团专区 ›
          </Text>
        </View>
      </View>
      <View className="home-banner__track" {...scrollRegion('限时拼团活动')}>
        {items.map((c) => {
          return (
            <View key={c.id} className="home-banner__slide" data-id={c.id} onClick={() => openProduct(c.productId)}>
              <View className="home-banner__text">
                <Text className="home-banner__size">{c.size}人团</Text>
                <Text className="home-banner__title">{c.title}</Text>
                {c.prices ? <PriceTagView tag={c.prices.member} size="small" className="home-banner__prices" /> : null}
                <Text className="home-banner__cta">去拼团</Text>
              </View>
              {c.image ? (
                <Image className="home-banner__image" src={resolveAsset(c.image)} mode="aspectFill" {...imageAlt('')} />
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
