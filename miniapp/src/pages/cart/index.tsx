import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Empty } from '@nutui/nutui-react-taro'
import './index.css'

/** The cart API does not exist yet: an honest empty state, no fake items. */
export default function Cart() {
  return (
    <View className='cart'>
      <Empty className='cart__empty' description='购物车还是空的' />
      <Text className='cart__hint'>去挑几件邻里好物吧</Text>
      <View className='cart__action'>
        <Button
          className='cart__go-home'
          type='primary'
          shape='round'
          onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}
        >
          去逛逛
        </Button>
      </View>
    </View>
  )
}
