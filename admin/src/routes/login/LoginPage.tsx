// The login page is plain React and CSS (global.css `.login-*`), not antd: it is the first page an operator loads,
// and antd (~1 MB) is fetched only once they are in (app/Console.tsx).
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../shared/auth/context';

type Field = 'username' | 'password';
const REQUIRED: Record<Field, string> = { username: '请输入用户名', password: '请输入密码' };

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/products';
}

export function LoginPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (auth.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const username = values.username.trim();
    const nowMissing = { username: username === '', password: values.password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setError(null);
    setSubmitting(true);
    try {
      await auth.login(username, values.password);
      navigate(returnPath(location.state), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : '登录失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: Field, label: string, input: { type: string; autoComplete: string; maxLength: number }) => (
    <div className="login-field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        {...input}
        placeholder={label}
        value={values[name]}
        autoFocus={name === 'username'}
        aria-invalid={missing[name] ? true : undefined}
        aria-describedby={missing[name] ? `${name}-help` : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setValues((v) => ({ ...v, [name]: value }));
          if (missing[name]) setMissing((m) => ({ ...m, [name]: false }));
        }}
      />
      {missing[name] && (
        <div id={`${name}-help`} className="login-field-error">
          {REQUIRED[name]}
        </div>
      )}
    </div>
  );

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={onSubmit} noValidate autoComplete="on">
        <div className="login-brand">
          <div className="brand-mark" aria-hidden="true">
            邻
          </div>
          <div>
            <h1 className="login-title">邻里 · 运营后台</h1>
            <p className="login-subtitle">使用运营账号登录</p>
          </div>
        </div>
        {error && (
          <div className="login-error" role="alert">
            {error}
          </div>
        )}
        {field('username', '用户名', { type: 'text', autoComplete: 'username', maxLength: 64 })}
        {field('password', '密码', { type: 'password', autoComplete: 'current-password', maxLength: 128 })}
        <button type="submit" className="login-submit" disabled={submitting} aria-busy={submitting}>
          登录
        </button>
      </form>
    </main>
  );
}
