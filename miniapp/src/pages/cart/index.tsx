import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import QuantityStepper from '../../components/QuantityStepper';
import SelectCheck from '../../components/SelectCheck';
import type { Cart as CartData } from '@contracts';
import { formatFen } from '@display';
import EmptyState from '../../components/EmptyState';
import { isLoggedIn } from '../../services/auth';
import { encodeItems, getCart, removeCartLine, selectAllCart, updateCartLine } from '../../services/shop';
import LineImage from '../../components/LineImage';
import { specsLabel } from '../../services/labels';
import '../../components/shop.css';
import './index.css';

const REASONS: Record<string, string> = {
  OFF_SHELF: '已下架',
  OUT_OF_STOCK: '已售罄',
  NOT_ENOUGH_STOCK: '库存不足',
  GONE: '商品已失效',
};

/** The cart: live prices and stock from the server; lines that can't be bought say why, and stay. */
export default function Cart() {
  const [cart, setCart] = useState<CartData | null>(null);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());

  const load = useCallback(() => {
    const has = isLoggedIn();
    setLoggedIn(has);
    if (has) void getCart().then(setCart);
  }, []);
  useDidShow(load);

  if (!loggedIn) {
    return (
      <View className="cart">
        <EmptyState image="cart" description="登录后查看购物车">
          <Button type="primary" shape="round" onClick={() => void Taro.navigateTo({ url: '/pages/login/index' })}>
            去登录
          </Button>
        </EmptyState>
      </View>
    );
  }
  if (cart && cart.items.length === 0) {
    return (
      <View className="cart">
        <EmptyState image="cart" description="购物车还是空的">
          <Button
            className="cart__go-home"
            type="primary"
            shape="round"
            onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}
          >
            去首页逛逛
          </Button>
        </EmptyState>
      </View>
    );
  }
  const buyable = cart?.items.filter((i) => i.available) ?? [];
  const allSelected = buyable.length > 0 && buyable.every((i) => i.selected);
  const checkout = () => {
    const lines = buyable.filter((i) => i.selected).map((i) => ({ skuId: i.skuId, quantity: i.quantity }));
    if (!lines.length) return void Taro.showToast({ title: '请选择要结算的商品', icon: 'none' });
    void Taro.navigateTo({ url: `/subpackages/order/checkout/index?items=${encodeItems(lines)}` });
  };

  return (
    <View className="shop-page cart-list">
      <View className="cart-list__items">
        {cart?.items.map((i) => (
          <View key={i.id} className={`shop-card cart-item ${i.available ? '' : 'cart-item--unavailable'}`}>
            <View className="shop-line">
              <SelectCheck
                className="cart-item__check"
                label={`选择 ${i.title}`}
                checked={i.selected && i.available}
                disabled={!i.available}
                onChange={(checked) => void updateCartLine(i.id, { selected: checked }).then(setCart)}
              />
              <LineImage src={i.image} />
              <View className="shop-line__body">
                <Text className="shop-line__title">{i.title}</Text>
                <Text className="shop-line__specs">{specsLabel(i.specs)}</Text>
                {!i.available && (
                  <Text className="shop-tag cart-item__reason">{REASONS[i.unavailableReason ?? ''] ?? '不可购买'}</Text>
                )}
                <View className="shop-line__foot">
                  <Text className="shop-price">{formatFen(i.priceFen)}</Text>
                  <QuantityStepper
                    className="cart-item__qty"
                    label={`${i.title} 数量`}
                    min={1}
                    max={Math.max(1, Math.min(999, i.stock))}
                    value={i.quantity}
                    onChange={(v) => void updateCartLine(i.id, { quantity: Number(v) }).then(setCart)}
                  />
                </View>
              </View>
            </View>
            <Text className="cart-item__remove" onClick={() => void removeCartLine(i.id).then(setCart)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      <View className="shop-bar cart__bar">
        <SelectCheck
          className="cart-select-all"
          label="全选"
          checked={allSelected}
          onChange={(c) => void selectAllCart(c).then(setCart)}
        >
          全选
        </SelectCheck>
        <Text className="shop-bar__total">
          合计 <Text className="shop-price cart-total">{formatFen(cart?.selectedTotalFen ?? 0)}</Text>
        </Text>
        <Button className="cart-checkout" type="primary" shape="round" onClick={checkout}>
          结算({cart?.selectedCount ?? 0})
        </Button>
      </View>
    </View>
  );
}
