import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../components/useLoad';
import { useNames } from '../../components/useNames';
import { useProblem } from '../../components/useProblem';
import { listPermissions, listPolicies, savePolicy } from './service';

/** 系統設置 › 審批策略: per work-order type, whether approval is on and the permission each level needs. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { show } = useProblem();
  const { message } = App.useApp();
  const policies = useLoad(listPolicies, []);
  const permissions = useLoad(listPermissions, []);
  const [editing, setEditing] = useState<Policy | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ enabled: boolean; levels: string[] }>();

  if (policies.error) return <LoadError error={policies.error} retry={policies.reload} />;
  const permOptions = (permissions.data ?? []).map((p) => ({ value: p, label: `${t(`perm.${p}`, { defaultValue: p })} (${p})` }));

  const submit = async () => {
    let v: { enabled: boolean; levels: string[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await savePolicy(editing!.type, { enabled: v.enabled, levels: v.levels ?? [] });
      setEditing(null);
      void message.success(t('common.saved'));
      await policies.reload();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('menu.policies')}>
      <Table<Policy>
        data-testid="policy-table"
        rowKey="type"
        size="middle"
        loading={policies.loading}
        dataSource={policies.data ?? []}
        pagination={false}
        columns={[
          { title: t('workOrders.type'), dataIndex: 'type', render: (ty: string) => `${names.workOrderType(ty)} (${ty})` },
          {
            title: t('policies.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean) => (on ? <Tag color="success">{t('policies.on')}</Tag> : <Tag>{t('policies.off')}</Tag>),
          },
          {
            title: t('workOrders.levels'),
            dataIndex: 'levels',
            render: (ls: string[]) => (
              <Space size={4} wrap>
                {ls.map((l, i) => (
                  <Tag key={i}>
                    {t('workOrders.levelN', { n: i + 1 })}: {t(`perm.${l}`, { defaultValue: l })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Button
                size="small"
                data-testid={`policy-edit-${p.type}`}
                onClick={() => {
                  form.setFieldsValue({ enabled: p.enabled, levels: p.levels });
                  setEditing(p);
                }}
              >
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${t('menu.policies')} · ${names.workOrderType(editing.type)}` : ''}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={busy}
        okText={t('action.save')}
        cancelText={t('action.close')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="enabled"
            label={t('policies.enabled')}
            valuePropName="checked"
            extra={editing && !editing.mayBeDisabled ? t('policies.mustStayOn') : undefined}
          >
            <Switch disabled={!!editing && !editing.mayBeDisabled} data-testid="policy-enabled" />
          </Form.Item>
          <Form.List name="levels">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item {...field} label={t('workOrders.levelN', { n: i + 1 })} rules={[{ required: true, message: t('form.required') }]}>
                      <Select style={{ width: 360 }} options={permOptions} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add('WORK_ORDER_APPROVE')} icon={<PlusOutlined />}>
                  {t('policies.addLevel')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
