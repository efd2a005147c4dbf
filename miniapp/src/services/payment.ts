import Taro from '@tarojs/taro';
import type { WechatPayParams } from '@contracts';
import { startPayment } from './shop';
import { post } from './request';

/**
 * Pays an order on whatever platform we run on. The client's success callback is never proof of payment: the
 * result page asks the server, which learns it from the channel's signed notification.
 * - weapp: Taro.requestPayment with the server's signed parameters
 * - alipay: Taro.tradePay with the server's trade number
 * - h5: the sandbox cashier page (there is no WeChat cashier in a plain browser)
 */
export async function payOrder(
  orderId: number,
  next?: string,
  opts: { replace?: boolean } = {},
): Promise<'submitted' | 'cashier'> {
  if (process.env.TARO_ENV === 'h5') {
    const after = next ? `&next=${encodeURIComponent(next)}` : '';
    const url = `/subpackages/order/cashier/index?orderId=${orderId}${after}`;
    // `replace`: the calling page's intent is done (a placed order): the cashier takes its place in the stack
    await (opts.replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
    return 'cashier';
  }
  if (process.env.TARO_ENV === 'alipay') {
    const res = await startPayment(orderId, 'alipay');
    if (res.channel === 'alipay') await Taro.tradePay({ tradeNO: res.tradeNO });
    return 'submitted';
  }
  const res = await startPayment(orderId, 'wechat');
  if (res.channel === 'wechat') {
    await Taro.requestPayment({
      timeStamp: res.timeStamp,
      nonceStr: res.nonceStr,
      package: res.package,
      signType: res.signType,
      paySign: res.paySign,
    });
  }
  return 'submitted';
}

/** Sandbox only: the simulated user confirms in the simulated WeChat cashier (paySign checked). */
export async function sandboxPay(params: WechatPayParams): Promise<void> {
  await post('/sandbox/wechatpay/pay', {
    prepayId: params.prepayId,
    paySign: params.paySign,
    timeStamp: params.timeStamp,
    nonceStr: params.nonceStr,
  });
}
