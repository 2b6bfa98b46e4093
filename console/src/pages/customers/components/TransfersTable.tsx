import { Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../api/types';
import { Amount } from '../../../components/Amount';
import { LoadError } from '../../../components/LoadError';
import { useCursorList } from '../../../components/useCursorList';
import { formatTime } from '../../../lib/time';
import { getTransfers } from '../service';

/**
 * A ledger account as read on a customer's page: the customer's own AVAILABLE / FROZEN by their name, a system or
 * company account by its owner and kind.
 */
function AccountLabel({ account, customerId }: { account: string; customerId: string }) {
  const { t } = useTranslation();
  const [type, owner, kind] = account.split(':');
  if (type === 'CUSTOMER' && owner === customerId) {
    return <Tag color={kind === 'FROZEN' ? 'blue' : 'green'}>{t(`ledger.account.${kind}`, { defaultValue: kind })}</Tag>;
  }
  return <Typography.Text code>{`${type}:${owner}:${kind}`}</Typography.Text>;
}

/** 賬本流水: every ledger transfer of a customer's accounts, newest first, with who moved the money and from where. */
export function TransfersTable({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fetchPage = useCallback((after?: string) => getTransfers(customerId, after), [customerId]);
  const { rows, next, loading, error, load } = useCursorList(fetchPage);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && rows.length === 0) return <LoadError error={error} retry={() => void load()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Transfer>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="customer-transfers"
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: formatTime, width: 170 },
          { title: t('ledger.kind'), dataIndex: 'kind', render: (k: string) => t(`ledger.kind.${k}`, { defaultValue: k }), width: 110 },
          {
            title: t('ledger.amount'),
            align: 'right',
            width: 150,
            render: (_: unknown, r) => (
              <>
                <Amount value={r.amount} asset={r.asset} /> {r.asset}
              </>
            ),
          },
          { title: t('ledger.from'), dataIndex: 'debitAccount', render: (a: string) => <AccountLabel account={a} customerId={customerId} /> },
          { title: t('ledger.to'), dataIndex: 'creditAccount', render: (a: string) => <AccountLabel account={a} customerId={customerId} /> },
          {
            title: t('ledger.reference'),
            render: (_: unknown, r) => (r.referenceType ? `${r.referenceType} ${r.referenceId ?? ''}` : '-'),
          },
          { title: t('audit.actor'), dataIndex: 'actor', render: (a?: string | null) => a ?? '-' },
          { title: t('ledger.ip'), dataIndex: 'ip', render: (a?: string | null) => a ?? '-', width: 120 },
        ]}
      />
      {next && (
        <Button onClick={() => void load(next)} loading={loading} data-testid="transfers-load-more">
          {t('action.loadMore')}
        </Button>
      )}
    </Space>
  );
}
