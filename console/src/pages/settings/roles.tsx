import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../components/useLoad';
import { useProblem } from '../../components/useProblem';
import { listPermissions, listRoles, saveRole } from './service';

/** 系統設置 › 角色與權限: roles and the permissions they bundle; a new code creates a role. */
export default function RolesPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const roles = useLoad(listRoles, []);
  const permissions = useLoad(listPermissions, []);
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  if (roles.error) return <LoadError error={roles.error} retry={roles.reload} />;

  const open = (r: Role | 'new') => {
    form.resetFields();
    form.setFieldsValue(r === 'new' ? { code: '', name: '', description: '', permissions: [] } : { ...r });
    setEditing(r);
  };

  const submit = async () => {
    let v: { code: string; name: string; description?: string; permissions: string[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const code = editing === 'new' ? v.code.trim().toUpperCase() : (editing as Role).code;
      await saveRole(code, { name: v.name, description: v.description, permissions: v.permissions });
      setEditing(null);
      void message.success(t('common.saved'));
      await roles.reload();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('menu.roles')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {t('roles.create')}
        </Button>
      }
    >
      <Table<Role>
        data-testid="role-table"
        rowKey="code"
        size="middle"
        loading={roles.loading}
        dataSource={roles.data ?? []}
        pagination={false}
        columns={[
          { title: t('roles.code'), dataIndex: 'code', width: 140 },
          { title: t('roles.name'), dataIndex: 'name', width: 180 },
          {
            title: t('roles.permissions'),
            dataIndex: 'permissions',
            render: (ps: string[]) => (
              <Space size={[4, 4]} wrap>
                {ps.map((p) => (
                  <Tag key={p}>{t(`perm.${p}`, { defaultValue: p })}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)} data-testid={`role-edit-${r.code}`}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={720}
        title={editing === 'new' ? t('roles.create') : editing ? `${t('action.edit')} · ${editing.code}` : ''}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={busy}
        okText={t('action.save')}
        cancelText={t('action.close')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} data-testid="role-form">
          {editing === 'new' && (
            <Form.Item name="code" label={t('roles.code')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]*$/, message: t('roles.codeFormat') }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('roles.description')}>
            <Input />
          </Form.Item>
          <Form.Item name="permissions" label={t('roles.permissions')}>
            <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}>
              {(permissions.data ?? []).map((p) => (
                <Checkbox key={p} value={p}>
                  {t(`perm.${p}`, { defaultValue: p })} <span style={{ color: '#999', fontSize: 11 }}>{p}</span>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
