import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Customer } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { useCursorList } from '../../components/useCursorList';
import { useProblem } from '../../components/useProblem';
import { formatTime } from '../../lib/time';
import { searchCustomers } from './service';
import { SearchButtons } from '../../components/SearchButtons';

export const OPENING_STATUSES = ['OPENING', 'OPENED', 'REJECTED', 'CLOSED'] as const;

/** 客戶: search by number, name, phone or securities account; the filter lives in the URL so reload keeps it. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const fetchPage = useCallback((after?: string) => searchCustomers({ q, status, after }), [q, status]);
  const { rows, next, loading, load } = useCursorList<Customer>(fetchPage, show);

  useEffect(() => {
    form.setFieldsValue({ q, status: status || undefined });
    void load();
  }, [q, status, load, form]);

  return (
    <Card title={t('customers.title')}>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v: { q?: string; status?: string }) => {
          const p: Record<string, string> = {};
          if (v.q?.trim()) p.q = v.q.trim();
          if (v.status) p.status = v.status;
          setParams(p);
        }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('customers.searchHint')} style={{ width: 320 }} data-testid="customer-search-input" />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('customers.openingStatus')}
            style={{ width: 160 }}
            options={OPENING_STATUSES.map((s) => ({ value: s, label: t(`state.opening.${s}`) }))}
          />
        </Form.Item>
        <SearchButtons form={form} testId="customer-search-submit" onReset={() => setParams({})} />
      </Form>
      <Table<Customer>
        data-testid="customer-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={false}
        onRow={(c) => ({ 'data-testid': `customer-row-${c.customerNo}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('customers.customerNo'),
            dataIndex: 'customerNo',
            render: (no: string, c) => (
              <Link to={`/customers/${c.id}`} data-testid={`customer-link-${no}`}>
                {no}
              </Link>
            ),
          },
          { title: t('customers.nameEn'), dataIndex: 'nameEn' },
          { title: t('customers.nameZh'), dataIndex: 'nameZh' },
          { title: t('customers.phone'), dataIndex: 'phone' },
          { title: t('customers.accountNo'), dataIndex: 'accountNo' },
          {
            title: t('customers.openingStatus'),
            dataIndex: 'openingStatus',
            render: (s: string, c) => (
              <Space size={4}>
                <StatusBadge kind="opening" value={s} />
                {c.frozen && <Tag color="red">{t('customers.frozen')}</Tag>}
              </Space>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      {next && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void load(next)} loading={loading} data-testid="load-more">
            {t('action.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
