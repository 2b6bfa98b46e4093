import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../api/types';
import { Amount } from '../../../components/Amount';
import { LoadError } from '../../../components/LoadError';
import { useCursorList } from '../../../components/useCursorList';
import { formatTime } from '../../../lib/time';
import { getTransfers, transfersExportUrl } from '../service';
import { actorText } from '../../../lib/actor';

/**
 * A ledger account as read on a customer's page: the customer's own AVAILABLE / FROZEN by their name, a system account
 * by its kind, a company bank account by its kind and number.
 */
function AccountLabel({ account, customerId }: { account: Transfer['debit']; customerId: string }) {
  const { t } = useTranslation();
  const kind = t(`ledger.account.${account.kind}`, { defaultValue: account.kind });
  if (account.ownerType === 'CUSTOMER') {
    return account.ownerRef === customerId ? (
      <Tag color={account.kind === 'FROZEN' ? 'blue' : 'green'}>{kind}</Tag>
    ) : (
      <span>{`${t('ledger.otherCustomer')} #${account.ownerRef} ${kind}`}</span>
    );
  }
  const bank = account.ownerRef.startsWith('COMPANY_BANK:') ? ` #${account.ownerRef.slice('COMPANY_BANK:'.length)}` : '';
  return <Typography.Text type="secondary">{kind + bank}</Typography.Text>;
}

/** 帳本流水: every ledger transfer of a customer's accounts, newest first, with who moved the money and from where. */
export function TransfersTable({ customerId, assets }: { customerId: string; assets: string[] }) {
  const { t } = useTranslation();
  const [asset, setAsset] = useState<string | undefined>();
  const fetchPage = useCallback((after?: string) => getTransfers(customerId, asset, after), [customerId, asset]);
  const { rows, next, loading, error, load } = useCursorList(fetchPage);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && rows.length === 0) return <LoadError error={error} retry={() => void load()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('ledger.allAssets')}
        value={asset}
        onChange={setAsset}
        options={assets.map((a) => ({ value: a, label: a }))}
        style={{ width: 160 }}
        data-testid="transfers-asset"
      />
      <Space>
        <Button href={transfersExportUrl(customerId, asset, 'xlsx')} data-testid="transfers-export-xlsx">
          {t('action.exportXlsx')}
        </Button>
        <Button href={transfersExportUrl(customerId, asset, 'csv')} data-testid="transfers-export-csv">
          {t('action.exportCsv')}
        </Button>
      </Space>
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
          { title: t('ledger.from'), dataIndex: 'debit', render: (a: Transfer['debit']) => <AccountLabel account={a} customerId={customerId} /> },
          { title: t('ledger.to'), dataIndex: 'credit', render: (a: Transfer['credit']) => <AccountLabel account={a} customerId={customerId} /> },
          {
            title: t('ledger.reference'),
            render: (_: unknown, r) => (r.referenceType ? `${r.referenceType} ${r.referenceId ?? ''}` : '-'),
          },
          { title: t('audit.actor'), dataIndex: 'actor', render: (a?: string | null) => actorText(a, t) },
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
