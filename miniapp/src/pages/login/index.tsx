import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  isLoggedIn,
  loginMode,
  phoneLogin,
  platformLogin,
  platformName,
  PHONE_RE,
  SANDBOX_NAME_RE,
  sandboxWechatLogin,
  sendSmsCode,
  serverIsSandbox,
  SMS_CODE_RE,
} from '../../services/auth';
import { forgetAction } from '../../services/pending-action';
import { toastError } from '../../services/request';
import './index.css';

const RESEND_SECONDS = 60;

/** After login: back to the page that sent us here, or home when login was the first page. */
function leave() {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1] as { route?: string; path?: string } | undefined;
  // the delayed leave must not pop a page the user has meanwhile gone on to
  if (top && !`${top.route ?? ''}${top.path ?? ''}`.includes('pages/login')) return;
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/home/index' });
}

function PlatformLogin() {
  const [busy, setBusy] = useState(false);
  const onLogin = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await platformLogin();
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      setTimeout(leave, 600);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="login__form">
      <Button
        className="login-platform"
        type="primary"
        block
        shape="round"
        size="large"
        loading={busy}
        onClick={onLogin}
      >
        {platformName}一键登录
      </Button>
    </View>
  );
}

function PhoneLogin() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sandboxCode, setSandboxCode] = useState('');
  const [countdown, setCountdown] = useState(0);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  useEffect(() => () => clearInterval(timer.current), []);

  const startCountdown = () => {
    setCountdown(RESEND_SECONDS);
    clearInterval(timer.current);
    timer.current = setInterval(() => {
      setCountdown((n) => {
        if (n <= 1) clearInterval(timer.current);
        return n - 1;
      });
    }, 1000);
  };

  const onSendCode = async () => {
    if (sending || countdown > 0) return;
    if (!PHONE_RE.test(phone)) {
      void Taro.showToast({ title: '请输入正确的手机号', icon: 'none' });
      return;
    }
    setSending(true);
    try {
      const res = await sendSmsCode(phone);
      startCountdown();
      if (res.sandboxCode) {
        setSandboxCode(res.sandboxCode);
        setCode(res.sandboxCode);
      } else {
        void Taro.showToast({ title: '验证码已发送', icon: 'none' });
      }
    } catch {
      /* request() has shown the error */
    } finally {
      setSending(false);
    }
  };

  const canSubmit = PHONE_RE.test(phone) && SMS_CODE_RE.test(code);
  const onSubmit = async () => {
    if (submitting) return;
    if (!PHONE_RE.test(phone)) {
      void Taro.showToast({ title: '请输入正确的手机号', icon: 'none' });
      return;
    }
    if (!SMS_CODE_RE.test(code)) {
      void Taro.showToast({ title: '请输入 6 位验证码', icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      await phoneLogin(phone, code);
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      setTimeout(leave, 600);
    } catch {
      /* request() has shown the error */
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="login__form">
      <View className="login__field">
        <Text className="login__prefix">+86</Text>
        <Input
          className="login-phone login__input"
          type="number"
          maxlength={11}
          placeholder="请输入手机号"
          value={phone}
          onInput={(e) => setPhone(e.detail.value.replace(/\D/g, ''))}
        />
      </View>
      <View className="login__field">
        <Input
          className="login-code login__input"
          type="number"
          maxlength={6}
          placeholder="请输入验证码"
          value={code}
          onInput={(e) => setCode(e.detail.value.replace(/\D/g, ''))}
        />
        <Text
          className={`login-send-code login__send ${sending || countdown > 0 ? 'login__send--disabled' : ''}`}
          onClick={onSendCode}
        >
          {countdown > 0 ? `${countdown}s 后重发` : sending ? '发送中…' : '获取验证码'}
        </Text>
      </View>
      {sandboxCode ? (
        <View className="login__sandbox">
          <Text className="sandbox-code">沙箱验证码：{sandboxCode}</Text>
          <Text className="login__sandbox-note">（测试环境，不会发送真实短信，已自动填入）</Text>
        </View>
      ) : null}
      <Button
        className="login-submit login__submit"
        type="primary"
        block
        shape="round"
        size="large"
        disabled={!canSubmit}
        loading={submitting}
        onClick={onSubmit}
      >
        登录
      </Button>
    </View>
  );
}

/** Sandbox mode only (H5): sign in as a WeChat user of the login simulator, as the start log offers. */
function SandboxWechatLogin() {
  const [name, setName] = useState('demo');
  const [busy, setBusy] = useState(false);
  const onLogin = async () => {
    if (busy) return;
    if (!SANDBOX_NAME_RE.test(name)) {
      void Taro.showToast({ title: '名称只能是字母、数字、_ 或 -', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await sandboxWechatLogin(name);
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      setTimeout(leave, 600);
    } catch {
      /* request() has shown the error */
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="login__form login-sandbox-wechat">
      <Text className="login__or">测试环境 · 微信沙箱登录</Text>
      <View className="login__field">
        <Text className="login__prefix">sim_</Text>
        <Input
          className="login-sandbox-name login__input"
          maxlength={32}
          placeholder="沙箱用户名"
          value={name}
          onInput={(e) => setName(e.detail.value.trim())}
        />
      </View>
      <Button
        className="login-sandbox-submit login__submit"
        block
        shape="round"
        size="large"
        loading={busy}
        onClick={onLogin}
      >
        微信登录（沙箱）
      </Button>
    </View>
  );
}

export default function Login() {
  const [sandbox, setSandbox] = useState(false);
  useEffect(() => {
    if (loginMode === 'phone') void serverIsSandbox().then(setSandbox);
    // leaving without logging in drops the tap that sent the visitor here (it must not fire on a later login)
    return () => {
      if (!isLoggedIn()) forgetAction();
    };
  }, []);
  return (
    <View className="login">
      <View className="login__hero">
        <Text className="login__logo">邻里</Text>
        <Text className="login__title">{loginMode === 'phone' ? '手机号登录' : '欢迎来到邻里'}</Text>
        <Text className="login__subtitle">
          {loginMode === 'phone' ? '未注册的手机号验证后自动创建账号' : `使用${platformName}账号快捷登录`}
        </Text>
      </View>
      {loginMode === 'phone' ? <PhoneLogin /> : <PlatformLogin />}
      {sandbox ? <SandboxWechatLogin /> : null}
      <Text className="login__agreement">登录即表示同意《邻里用户协议》和《隐私政策》</Text>
    </View>
  );
}
