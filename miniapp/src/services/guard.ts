import Taro from '@tarojs/taro';
import { isLoggedIn } from './auth';

/** Pages that need a user send visitors to the login page (which returns here afterwards). */
export function requireLogin(): boolean {
  if (isLoggedIn()) return true;
  void Taro.navigateTo({ url: '/pages/login/index' });
  return false;
}
