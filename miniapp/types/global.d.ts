/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** the platform being built (`taro build --type`) */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** API origin for mini-program builds; H5 always uses its own origin */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
  }
}

/** The Alipay mini-program global (only present at run time on alipay). */
declare const my: {
  getAuthCode(options: {
    scopes: 'auth_base' | 'auth_user' | string;
    success?: (res: { authCode?: string }) => void;
    fail?: (err: unknown) => void;
  }): void;
};
