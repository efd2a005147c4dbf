import { useCallback, useEffect, useMemo, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import QuantityStepper from '../../../components/QuantityStepper';
import { formatFen, productPriceTag } from '@display';
import GroupbuySection from '../../../components/GroupbuySection';
import SeckillBanner from './SeckillBanner';
import { imageAlt } from '../../../components/img-alt';
import { isLoggedIn } from '../../../services/auth';
import { requireLogin } from '../../../services/guard';
import { takeAction, type PendingAction } from '../../../services/pending-action';
import { addToCart, encodeItems } from '../../../services/shop';
import EmptyState from '../../../components/EmptyState';
import { Swiper, SwiperItem } from '../../../components/swiper';
import type { ProductDetail } from '@contracts';
import Price from '../../../components/Price';
import { getProduct } from '../../../services/catalog';
import { resolveAsset } from '../../../services/env';
import { ApiError } from '../../../services/request';
import { initialSelection, isAvailable, matchSku, specGroups, type Selection } from './sku';
import './index.css';

export default function ProductDetailPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [error, setError] = useState<'not_found' | 'failed' | null>(null);
  const [selection, setSelection] = useState<Selection>({});
  // until the shopper picks a spec, prices are the product's and campaign's headline tags (起), as in every list
  const [chosen, setChosen] = useState(false);
  const [current, setCurrent] = useState(0);
  const [quantity, setQuantity] = useState(1);

  const load = useCallback(() => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('not_found');
      return;
    }
    setError(null);
    getProduct(id)
      .then((p) => {
        setProduct(p);
        setSelection(initialSelection(p.skus));
        setChosen(false);
      })
      .catch((e: unknown) => setError(e instanceof ApiError && e.status === 404 ? 'not_found' : 'failed'));
  }, [id]);
  useEffect(load, [load]);

  useShareAppMessage(() => ({
    title: product?.title ?? '邻里好物',
    path: `/subpackages/product/detail/index?id=${id}`,
  }));

  const addLine = (skuId: number, n: number) =>
    void addToCart(skuId, n).then(() => Taro.showToast({ title: '已加入购物车', icon: 'success' }));
  const buyNow = (skuId: number, n: number) =>
    void Taro.navigateTo({ url: `/subpackages/order/checkout/index?items=${encodeItems([{ skuId, quantity: n }])}` });
  const openGroup = (campaignId: number, skuId: number) =>
    void Taro.navigateTo({ url: `/subpackages/groupbuy/group/index?open=${campaignId}&sku=${skuId}` });
  // back from the login a tap sent the visitor to: carry that tap out
  useDidShow(() => {
    if (!isLoggedIn()) return;
    const action = takeAction(
      (a): a is Exclude<PendingAction, { kind: 'join_group' }> => a.kind !== 'join_group' && a.productId === id,
    );
    if (action?.kind === 'add_to_cart') addLine(action.skuId, action.quantity);
    else if (action?.kind === 'buy_now') buyNow(action.skuId, action.quantity);
    else if (action?.kind === 'open_group') openGroup(action.campaignId, action.skuId);
  });

  const groups = useMemo(() => specGroups(product?.skus ?? []), [product]);
  const names = groups.map((g) => g.name);
  const skus = product?.skus ?? [];
  const sku = matchSku(skus, names, selection);
  const headline = productPriceTag(skus);
  const images = useMemo(() => {
    if (!product) return [];
    const list = product.images.length
      ? product.images
      : product.skus.map((s) => s.image).filter((u): u is string => !!u);
    return list.map(resolveAsset);
  }, [product]);

  if (error) {
    return (
      <View className="detail detail--empty">
        <EmptyState description={error === 'not_found' ? '商品不存在或已下架' : '加载失败，请稍后重试'}>
          {error === 'failed' ? (
            <Button type="primary" size="small" onClick={load}>
              重试
            </Button>
          ) : (
            <Button type="primary" size="small" onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
              返回首页
            </Button>
          )}
        </EmptyState>
      </View>
    );
  }
  if (!product) {
    return (
      <View className="detail">
        <View className="detail__swiper detail__skeleton" />
        <View className="detail__section">
          <View className="detail__skeleton-line" />
          <View className="detail__skeleton-line detail__skeleton-line--short" />
        </View>
      </View>
    );
  }

  const choose = (name: string, value: string) => {
    setChosen(true);
    setSelection((sel) => ({ ...sel, [name]: sel[name] === value ? undefined : value }));
  };
  const missing = names.filter((n) => selection[n] === undefined);
  const picked = (kind: 'add_to_cart' | 'buy_now') => {
    if (!sku) {
      void Taro.showToast({ title: missing.length ? `请选择 ${missing.join(' / ')}` : '该规格暂不可售', icon: 'none' });
      return null;
    }
    return requireLogin({ kind, productId: id, skuId: sku.id, quantity }) ? sku : null;
  };
  const onAddToCart = () => {
    const s = picked('add_to_cart');
    if (s) addLine(s.id, quantity);
  };
  const onBuyNow = () => {
    const s = picked('buy_now');
    if (s) buyNow(s.id, quantity);
  };
  const onOpenGroup = (campaignId: number, skuId: number) => {
    if (requireLogin({ kind: 'open_group', productId: id, campaignId, skuId })) openGroup(campaignId, skuId);
  };

  return (
    <View className="detail">
      <View className="detail__gallery">
        {images.length ? (
          <Swiper
            className="detail__swiper"
            circular
            autoplay={images.length > 1}
            interval={4000}
            onChange={(e) => setCurrent(e.detail.current)}
          >
            {images.map((src, i) => (
              <SwiperItem key={`${i}-${src}`}>
                <Image
                  className="detail__image"
                  src={src}
                  mode="aspectFill"
                  {...imageAlt(`${product.title} 图 ${i + 1}`, { priority: i === 0 })}
                  onClick={() => void Taro.previewImage({ current: src, urls: images })}
                />
              </SwiperItem>
            ))}
          </Swiper>
        ) : (
          <View className="detail__swiper detail__placeholder">邻里</View>
        )}
        {images.length > 1 && (
          <Text className="detail__counter">
            {current + 1}/{images.length}
          </Text>
        )}
      </View>

      <View className="detail__section detail__summary">
        <View className="detail__price-row">
          {sku && chosen ? (
            <Price fen={sku.priceFen} size="large" />
          ) : (
            <Price fen={headline?.priceFen ?? product.priceFen} size="large" from={!!headline?.from} />
          )}
          <Text className="detail__sales">已售 {product.sales}</Text>
        </View>
        <Text className="product-title detail__title">{product.title}</Text>
        {product.subtitle ? <Text className="detail__subtitle">{product.subtitle}</Text> : null}
      </View>

      <SeckillBanner productId={product.id} skuId={sku?.id ?? null} />
      {/* the group-buy entry sits right under the price: above the fold on a 375×812 phone */}
      <GroupbuySection productId={product.id} skuId={sku?.id ?? null} chosen={chosen} onOpen={onOpenGroup} />

      <View className="detail__section">
        <View className="detail__section-head">
          <Text className="detail__section-title">选择规格</Text>
          <Text className="detail__sku-state">
            {sku
              ? `${formatFen(sku.priceFen)} · ${sku.stock > 0 ? `库存 ${sku.stock} 件` : '已售罄'}`
              : missing.length
                ? `请选择 ${missing.join(' / ')}`
                : '该规格暂不可售'}
          </Text>
        </View>
        {groups.length === 0 ? (
          <Text className="detail__single">默认规格</Text>
        ) : (
          groups.map((g) => (
            <View className="detail__spec" key={g.name}>
              <Text className="detail__spec-name">{g.name}</Text>
              <View className="detail__chips">
                {g.values.map((v) => {
                  const active = selection[g.name] === v;
                  const available = isAvailable(skus, names, selection, g.name, v);
                  return (
                    <Text
                      key={v}
                      className={`sku-chip ${active ? 'sku-chip--active' : ''} ${available ? '' : 'sku-chip--soldout'}`}
                      onClick={() => choose(g.name, v)}
                    >
                      {v}
                    </Text>
                  );
                })}
              </View>
            </View>
          ))
        )}
      </View>

      <View className="detail__section detail__quantity">
        <View className="detail__section-head">
          <Text className="detail__section-title">数量</Text>
          <QuantityStepper
            className="detail-quantity"
            label="购买数量"
            min={1}
            max={Math.max(1, Math.min(999, sku?.stock ?? 999))}
            value={quantity}
            onChange={(v) => setQuantity(Number(v))}
          />
        </View>
      </View>

      <View className="detail__section">
        <View className="detail__section-head">
          <Text className="detail__section-title">商品详情</Text>
        </View>
        <Text className="detail__description" userSelect>
          {product.description || '暂无详细介绍'}
        </Text>
      </View>

      <View className="detail__bar">
        <View className="detail__bar-home" onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
          <Text>首页</Text>
        </View>
        <View className="detail__bar-home" onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}>
          <Text>购物车</Text>
        </View>
        <Button className="add-to-cart detail__cart" shape="round" onClick={onAddToCart}>
          加入购物车
        </Button>
        <Button className="buy-now detail__buy" type="primary" shape="round" onClick={onBuyNow}>
          立即购买
        </Button>
      </View>
    </View>
  );
}
