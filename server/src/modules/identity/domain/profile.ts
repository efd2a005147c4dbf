import { createHash } from 'node:crypto';

export type IdentityProvider = 'wechat' | 'alipay' | 'phone';

/** A friendly, stable default nickname until the user sets one: 邻里用户 + 4 characters of the identity. */
export function defaultNickname(provider: IdentityProvider, subject: string): string {
  if (provider === 'phone') return `邻里用户${subject.slice(-4)}`;
  const tag = createHash('sha1').update(`${provider}:${subject}`).digest('hex').slice(0, 4).toUpperCase();
  return `邻里用户${tag}`;
}

/** 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
