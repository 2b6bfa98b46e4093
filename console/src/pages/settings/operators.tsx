import { App, Button, type ButtonProps, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../components/useLoad';
import { useProblem } from '../../components/useProblem';
import { formatTime } from '../../lib/time';
import { createOperator, listOperators, listRoles, resetPassword, setOperatorEnabled, setOperatorRoles } from './service';

type Editing = { kind: 'create' } | { kind: 'roles'; op: Operator } | { kind: 'password'; op: Operator };

/** 系統設置 › 操作員: create operators, disable/enable them, reset passwords, assign roles. Every change is audited. */
export default function OperatorsPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const operators = useLoad(listOperators, []);
  const roles = useLoad(listRoles, []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  if (operators.error) return <LoadError error={operators.error} retry={operators.reload} />;
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }));

  const open = (e: Editing) => {
    form.resetFields();
    if (e.kind === 'roles') form.setFieldsValue({ roles: e.op.roles });
    setEditing(e);
  };

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (editing?.kind === 'create') await createOperator(values as never);
      else if (editing?.kind === 'roles') await setOperatorRoles(editing.op.id, values.roles as string[]);
      else if (editing?.kind === 'password') await resetPassword(editing.op.id, values.password as string);
      setEditing(null);
      void message.success(t('common.saved'));
      await operators.reload();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (op: Operator) => {
    try {
      await setOperatorEnabled(op.id, !op.enabled);
      await operators.reload();
    } catch (e) {
      show(e);
    }
  };

  return (
    <Card
      title={t('menu.operators')}
      extra={
        <Button type="primary" onClick={() => open({ kind: 'create' })} data-testid="operator-create">
          {t('operators.create')}
        </Button>
      }
    >
      <Table<Operator>
        data-testid="operator-table"
        rowKey="id"
        size="middle"
        loading={operators.loading}
        dataSource={operators.data ?? []}
        pagination={false}
        onRow={(o) => ({ 'data-testid': `operator-row-${o.username}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('operators.username'), dataIndex: 'username' },
          { title: t('operators.displayName'), dataIndex: 'displayName' },
          { title: t('operators.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{r}</Tag>) },
          {
            title: t('operators.state'),
            render: (_, o) => (
              <Space size={4}>
                {o.enabled ? <Tag color="success">{t('operators.enabled')}</Tag> : <Tag color="default">{t('operators.disabled')}</Tag>}
                {o.lockedUntil && new Date(o.lockedUntil) > new Date() && <Tag color="warning">{t('operators.lockedUntil', { until: formatTime(o.lockedUntil) })}</Tag>}
                {o.totpEnabled && <Tag color="blue">TOTP</Tag>}
              </Space>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime },
          {
            title: t('common.actions'),
            render: (_, o) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => open({ kind: 'roles', op: o })}>
                  {t('operators.editRoles')}
                </Button>
                <Button size="small" onClick={() => open({ kind: 'password', op: o })}>
                  {t('operators.resetPassword')}
                </Button>
                <Popconfirm title={o.enabled ? t('operators.disableConfirm') : t('operators.enableConfirm')} onConfirm={() => toggle(o)} okText={t('action.confirm')} cancelText={t('action.close')}>
                  <Button size="small" danger={o.enabled}>
                    {o.enabled ? t('operators.disable') : t('operators.enable')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.kind === 'create' ? t('operators.create') : editing?.kind === 'roles' ? `${t('operators.editRoles')} · ${editing.op.username}` : editing ? `${t('operators.resetPassword')} · ${editing.op.username}` : ''}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={busy}
        okText={t('action.save')}
        okButtonProps={{ 'data-testid': 'operator-submit' } as ButtonProps}
        cancelText={t('action.close')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} data-testid="operator-form">
          {editing?.kind === 'create' && (
            <>
              <Form.Item name="username" label={t('operators.username')} rules={[{ required: true, message: t('form.required') }]}>
                <Input autoComplete="off" data-testid="operator-username" />
              </Form.Item>
              <Form.Item name="displayName" label={t('operators.displayName')} rules={[{ required: true, message: t('form.required') }]}>
                <Input data-testid="operator-displayName" />
              </Form.Item>
            </>
          )}
          {(editing?.kind === 'create' || editing?.kind === 'password') && (
            <Form.Item name="password" label={t('operators.password')} rules={[{ required: true, message: t('form.required') }]} extra={t('operators.passwordHint')}>
              <Input.Password autoComplete="new-password" data-testid="operator-password" />
            </Form.Item>
          )}
          {(editing?.kind === 'create' || editing?.kind === 'roles') && (
            <Form.Item name="roles" label={t('operators.roles')} rules={[{ required: true, message: t('form.required') }]}>
              <Select mode="multiple" options={roleOptions} data-testid="operator-roles" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
