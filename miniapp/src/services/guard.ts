import Taro from '@tarojs/taro';
import { isLoggedIn } from './auth';
import { rememberAction, type PendingAction } from './pending-action';

/**
 * Pages that need a user send visitors to the login page (which returns here afterwards). The action the visitor
 * tapped, when given, is remembered and carried out by the page once they are back and logged in.
 */
export function requireLogin(resume?: PendingAction): boolean {
  if (isLoggedIn()) return true;
  if (resume) rememberAction(resume);
  void Taro.navigateTo({ url: '/pages/login/index' });
  return false;
}
