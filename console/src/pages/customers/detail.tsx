import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Balance, BankCard } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Amount } from '../../components/Amount';
import { AuditTable } from '../../components/AuditTable';
import { LoadError } from '../../components/LoadError';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { formatTime } from '../../lib/time';
import { BankCardModal } from './components/BankCardModal';
import { TransfersTable } from './components/TransfersTable';
import { getBalances, getBankCards, getCustomer, getHistory, pendingCardWorkOrders } from './service';

/**
 * A customer's page: opening status, balances per currency, bank cards (edited through work orders), the ledger's
 * money movements with who moved them, history.
 */
export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { access } = useAuth();
  const customer = useLoad(() => getCustomer(id), [id]);
  const balances = useLoad(() => getBalances(id), [id]);
  const cards = useLoad(() => getBankCards(id), [id]);
  const history = useLoad(() => getHistory(id), [id]);
  const pending = useLoad(() => (cards.data ? pendingCardWorkOrders(id, cards.data) : Promise.resolve([])), [id, cards.data]);
  const pendingCardIds = new Set((pending.data ?? []).filter((w) => w.subjectType === 'BankCard').map((w) => w.subjectId));
  const [editing, setEditing] = useState<{ card?: BankCard } | null>(null);
  const canManage = access.has('CUSTOMER_MANAGE');

  if (customer.error) return <LoadError error={customer.error} retry={customer.reload} />;
  const c = customer.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        loading={customer.loading && !c}
        title={
          <Space>
            <Link to="/customers">{t('customers.title')}</Link>
            <span>/</span>
            <span data-testid="customer-title">
              {c?.customerNo} {c?.nameZh} {c?.nameEn}
            </span>
          </Space>
        }
      >
        {c && (
          <Descriptions column={3} size="small" data-testid="customer-info">
            <Descriptions.Item label={t('customers.customerNo')}>{c.customerNo}</Descriptions.Item>
            <Descriptions.Item label={t('customers.nameEn')}>{c.nameEn}</Descriptions.Item>
            <Descriptions.Item label={t('customers.nameZh')}>{c.nameZh}</Descriptions.Item>
            <Descriptions.Item label={t('customers.accountNo')}>{c.accountNo}</Descriptions.Item>
            <Descriptions.Item label={t('customers.phone')}>{c.phone}</Descriptions.Item>
            <Descriptions.Item label={t('customers.email')}>{c.email}</Descriptions.Item>
            <Descriptions.Item label={t('customers.openingStatus')}>
              <Space size={4}>
                <StatusBadge kind="opening" value={c.openingStatus} />
                {c.frozen && (
                  <Tag color="red" data-testid="customer-frozen">
                    {t('customers.frozen')}
                  </Tag>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatTime(c.createdAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'balances',
              label: t('customers.balances'),
              children: balances.error ? (
                <LoadError error={balances.error} retry={balances.reload} />
              ) : (
                <Table<Balance>
                  data-testid="balance-table"
                  rowKey="asset"
                  size="middle"
                  loading={balances.loading}
                  dataSource={balances.data ?? []}
                  pagination={false}
                  locale={{ emptyText: t('customers.noBalances') }}
                  columns={[
                    { title: t('balance.asset'), dataIndex: 'asset' },
                    { title: t('balance.available'), dataIndex: 'available', align: 'right', render: (v: string, b) => <Amount value={v} asset={b.asset} /> },
                    { title: t('balance.frozen'), dataIndex: 'frozen', align: 'right', render: (v: string, b) => <Amount value={v} asset={b.asset} /> },
                    {
                      title: t('balance.withdrawable'),
                      dataIndex: 'withdrawable',
                      align: 'right',
                      render: (v: string, b) => <Amount value={v} asset={b.asset} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'cards',
              label: <span data-testid="tab-bank-cards">{t('customers.bankCards')}</span>,
              children: cards.error ? (
                <LoadError error={cards.error} retry={cards.reload} />
              ) : (
                <>
                  {canManage && (
                    <Button style={{ marginBottom: 12 }} onClick={() => setEditing({})} data-testid="bank-card-add">
                      {t('bankCard.add')}
                    </Button>
                  )}
                  {(pending.data ?? []).length > 0 && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginBottom: 12 }}
                      data-testid="bank-card-pending"
                      message={t('bankCard.pending')}
                      description={
                        <Space wrap>
                          {(pending.data ?? []).map((w) => (
                            <Link key={w.id} to={`/work-orders/${w.id}`}>
                              {t('workOrders.number', { id: w.id })} · {w.subjectLabel}
                            </Link>
                          ))}
                        </Space>
                      }
                    />
                  )}
                  <Table<BankCard>
                    data-testid="bank-card-table"
                    rowKey="id"
                    size="middle"
                    loading={cards.loading}
                    dataSource={cards.data ?? []}
                    pagination={false}
                    columns={[
                      {
                        title: t('field.bankName'),
                        dataIndex: 'bankName',
                        render: (name: string, card: BankCard) => (
                          <Space size={4}>
                            {name}
                            {pendingCardIds.has(String(card.id)) && <Tag color="processing">{t('bankCard.changePending')}</Tag>}
                          </Space>
                        ),
                      },
                      { title: t('field.bankCode'), dataIndex: 'bankCode' },
                      { title: t('field.accountNo'), dataIndex: 'accountNo' },
                      { title: t('field.holderName'), dataIndex: 'holderName' },
                      { title: t('field.currency'), dataIndex: 'currency' },
                      {
                        title: t('bankCard.verified'),
                        dataIndex: 'verified',
                        render: (v: boolean) => (v ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
                      },
                      ...(canManage
                        ? [
                            {
                              title: t('common.actions'),
                              key: 'actions',
                              render: (_: unknown, card: BankCard) => (
                                <Button size="small" onClick={() => setEditing({ card })} data-testid={`bank-card-edit-${card.id}`}>
                                  {t('action.edit')}
                                </Button>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'transfers',
              label: <span data-testid="tab-transfers">{t('customers.transfers')}</span>,
              children: <TransfersTable customerId={id} assets={(balances.data ?? []).map((b) => b.asset)} />,
            },
            {
              key: 'history',
              label: t('customers.history'),
              children: history.error ? (
                <LoadError error={history.error} retry={history.reload} />
              ) : (
                <AuditTable entries={history.data ?? []} loading={history.loading} testId="customer-history" />
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.timesInHongKong')}
        </Typography.Text>
      </Card>
      {c && (
        <BankCardModal
          customerId={c.id}
          card={editing?.card}
          open={editing !== null}
          onClose={() => {
            setEditing(null);
            void cards.reload();
          }}
        />
      )}
    </Space>
  );
}
