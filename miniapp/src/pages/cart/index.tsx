import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import EmptyState from '../../components/EmptyState';
import './index.css';

/** The cart API does not exist yet: an honest empty state, no fake items. */
export default function Cart() {
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
