import { useCallback, useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import type { ConsumerUser } from '@contracts';
import { fetchMe, logout } from '../../services/auth';
import { resolveAsset } from '../../services/env';
import { getCachedUser, getToken, SESSION_CHANGED } from '../../services/session';
import './index.css';

function maskPhone(phone: string | null): string {
  if (!phone) return '未绑定手机号';
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export default function Me() {
  const [user, setUser] = useState<ConsumerUser | null>(() => (getToken() ? getCachedUser() : null));
  const [loggedIn, setLoggedIn] = useState(() => !!getToken());

  const refresh = useCallback(() => {
    const has = !!getToken();
    setLoggedIn(has);
    if (!has) {
      setUser(null);
      return;
    }
    fetchMe()
      .then((u) => {
        setUser(u);
        setLoggedIn(!!u);
      })
      .catch(() => {
        /* keep the cached user on a network error */
      });
  }, []);

  useDidShow(refresh);
  useEffect(() => {
    Taro.eventCenter.on(SESSION_CHANGED, refresh);
    return () => {
      Taro.eventCenter.off(SESSION_CHANGED, refresh);
    };
  }, [refresh]);

  const goLogin = () => void Taro.navigateTo({ url: '/pages/login/index' });
  const onLogout = () => {
    void Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？', confirmColor: '#e1251b' }).then(
      (res) => {
        if (!res.confirm) return;
        logout();
        setUser(null);
        setLoggedIn(false);
        void Taro.showToast({ title: '已退出登录', icon: 'none' });
      },
    );
  };

  const avatar = resolveAsset(user?.avatar);
  const go = (url: string) => (loggedIn ? void Taro.navigateTo({ url }) : goLogin());

  return (
    <View className="me">
      <View className="me__header">
        <View className="me__avatar">
          {loggedIn && avatar ? (
            <Image className="me__avatar-img" src={avatar} mode="aspectFill" />
          ) : (
            <Text className="me__avatar-text">{loggedIn && user ? user.nickname.slice(0, 1) : '邻'}</Text>
          )}
        </View>
        {loggedIn ? (
          <View className="me__info">
            <Text className="me-nickname me__nickname">{user?.nickname ?? '加载中…'}</Text>
            <Text className="me__phone">{user ? maskPhone(user.phone) : ''}</Text>
          </View>
        ) : (
          <View className="me__info">
            <Text className="me__nickname">欢迎来到邻里</Text>
            <Text className="me__phone">登录后享受更多邻里优惠</Text>
          </View>
        )}
        {!loggedIn && (
          <Button className="me-login me__login" shape="round" size="small" onClick={goLogin}>
            登录
          </Button>
        )}
      </View>

      <View className="me__card">
        <Cell.Group>
          <Cell className="me-orders" title="我的订单" clickable onClick={() => go('/subpackages/order/list/index')} />
          <Cell
            className="me-addresses"
            title="收货地址"
            clickable
            onClick={() => go('/subpackages/user/addresses/index')}
          />
          <Cell className="me-groupbuy" title="拼团" clickable onClick={() => go('/subpackages/groupbuy/list/index')} />
          <Cell
            className="me-seckill"
            title="限时秒杀"
            clickable
            onClick={() => go('/subpackages/seckill/list/index')}
          />
        </Cell.Group>
      </View>

      {loggedIn && (
        <View className="me__logout-wrap">
          <Button className="me-logout" block shape="round" onClick={onLogout}>
            退出登录
          </Button>
        </View>
      )}
    </View>
  );
}
