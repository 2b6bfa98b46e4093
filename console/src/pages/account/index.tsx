import { Alert, App, Button, Card, Descriptions, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { useProblem } from '../../components/useProblem';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

const CODE_RULES = (message: string) => [{ required: true, pattern: /^\d{6}$/, message }];

/** 我的帳戶: the signed-in operator changes their password and turns the TOTP second factor on or off. */
export default function AccountPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const { show } = useProblem();
  const { message } = App.useApp();
  const [passwordForm] = Form.useForm();
  const [totpForm] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  const changePassword = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      passwordForm.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (e) {
      show(e, passwordForm);
    }
  };

  const enrol = async () => {
    try {
      setEnrolment(await api.post<Enrolment>('/api/auth/totp/enrol'));
      totpForm.resetFields();
    } catch (e) {
      show(e);
    }
  };

  const confirmOrDisable = async (v: { code: string }) => {
    try {
      await api.post(me?.totpEnabled ? '/api/auth/totp/disable' : '/api/auth/totp/confirm', { code: v.code });
      setEnrolment(null);
      totpForm.resetFields();
      await refresh();
      void message.success(t('common.saved'));
    } catch (e) {
      show(e, totpForm);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Card title={t('account.title')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('operators.username')}>{me?.username}</Descriptions.Item>
          <Descriptions.Item label={t('operators.displayName')}>{me?.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('operators.roles')}>
            {me?.roles.map((r) => (
              <Tag key={r}>{r}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('account.changePassword')}>
        <Form form={passwordForm} layout="vertical" onFinish={changePassword} style={{ maxWidth: 360 }}>
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('operators.passwordHint')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('account.repeatPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('form.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('account.passwordsDiffer')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('action.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('account.totp')} extra={
          me?.totpEnabled ? (
            <Tag color="success" data-testid="totp-enrol-done">
              {t('policies.on')}
            </Tag>
          ) : (
            <Tag>{t('policies.off')}</Tag>
          )
        }>
        {!me?.totpEnabled && !enrolment && (
          <Space direction="vertical">
            <Typography.Text>{t('account.totpExplain')}</Typography.Text>
            <Button onClick={enrol} data-testid="totp-enrol">
              {t('account.totpEnrol')}
            </Button>
          </Space>
        )}
        {!me?.totpEnabled && enrolment && (
          <Space direction="vertical" size="middle">
            <Alert type="info" showIcon message={t('account.totpScan')} />
            <Space align="start" size="large">
              <QRCode value={enrolment.otpauthUri} size={180} />
              <div>
                <Typography.Text type="secondary">{t('account.totpSecret')}</Typography.Text>
                <br />
                <Typography.Text code copyable data-testid="totp-secret">
                  {enrolment.secret}
                </Typography.Text>
              </div>
            </Space>
          </Space>
        )}
        {(me?.totpEnabled || enrolment) && (
          <Form form={totpForm} layout="inline" onFinish={confirmOrDisable} style={{ marginTop: 16 }}>
            <Form.Item name="code" rules={CODE_RULES(t('login.totpFormat'))}>
              <Input placeholder={t('login.totp')} maxLength={6} inputMode="numeric" style={{ width: 160 }} data-testid="totp-code" />
            </Form.Item>
            <Button type={me?.totpEnabled ? 'default' : 'primary'} danger={me?.totpEnabled} htmlType="submit" data-testid="totp-submit">
              {me?.totpEnabled ? t('account.totpDisable') : t('account.totpConfirm')}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
