import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { ApiError } from '../../lib/problem';
import { formatTime } from '../../lib/time';

interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

/** Only same-console paths may be returned to after login (no open redirect). */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** 登入: username and password, then the TOTP code when the operator has it enrolled. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { status, expired, signedIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Credentials>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = safeFrom(params.get('from'));

  if (status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.quiet.post<Me>('/api/auth/login', {
        username: values.username,
        password: values.password,
        totp: needTotp ? values.totp : undefined,
      });
      signedIn(me);
      navigate(from, { replace: true });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      if (code === 'totp-required') {
        setNeedTotp(true);
      } else if (code === 'totp-invalid') {
        form.setFields([{ name: 'totp', errors: [t('login.totpInvalid')] }]);
      } else if (code === 'account-locked') {
        const until = e instanceof ApiError ? (e.problem.lockedUntil as string | undefined) : undefined;
        setError(until ? t('login.lockedUntil', { until: formatTime(until) }) : t('login.locked'));
      } else if (code === 'bad-credentials') {
        setError(t('login.badCredentials'));
      } else {
        setError(t('login.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }} data-testid="login-card">
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          {expired && !error && <Alert type="info" showIcon message={t('login.expired')} data-testid="login-expired" />}
          {error && <Alert type="error" showIcon message={error} data-testid="login-error" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('form.required') }]}>
              <Input autoComplete="username" data-testid="login-username" disabled={needTotp} autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('form.required') }]}>
              <Input.Password autoComplete="current-password" data-testid="login-password" disabled={needTotp} />
            </Form.Item>
            {needTotp && (
              <Form.Item
                name="totp"
                label={t('login.totp')}
                extra={t('login.totpHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpFormat') }]}
              >
                <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="login-totp" autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {needTotp ? t('login.verify') : t('login.submit')}
            </Button>
            {needTotp && (
              <Button type="link" block onClick={() => setNeedTotp(false)}>
                {t('action.back')}
              </Button>
            )}
          </Form>
        </Space>
      </Card>
    </div>
  );
}

