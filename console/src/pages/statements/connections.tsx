import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../components/useProblem';
import { formatTime } from '../../lib/time';
import { StateTag } from './components/badges';
import { listConnections, pullNow, type Connection } from './service';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../components/useLoad';

/** 銀企直連: which connector pulls each company account's statement and how its last scheduled pull went; pull now. */
export default function ConnectionsPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const list = useLoad(listConnections, []);
  const rows = list.data ?? [];
  const [pulling, setPulling] = useState<number | null>(null);
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  return (
    <Card title={t('menu.bankConnections')}>
      <Table<Connection>
        data-testid="connection-table"
        rowKey="accountId"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('field.bankName'), dataIndex: 'bankName' },
          { title: t('field.accountNo'), dataIndex: 'accountNo' },
          { title: t('bc.connector'), dataIndex: 'connector', render: (c?: string) => c ?? <Typography.Text type="secondary">{t('bc.none')}</Typography.Text> },
          { title: t('bc.lastRun'), render: (_, r) => formatTime(r.lastPull?.lastRunAt) },
          { title: t('bc.status'), render: (_, r) => <StateTag kind="pull" value={r.lastPull?.lastStatus} /> },
          { title: t('bc.lines'), render: (_, r) => (r.lastPull ? `${r.lastPull.linesCreated ?? 0} / ${r.lastPull.linesTotal ?? 0}` : '') },
          { title: t('bc.pulledUntil'), render: (_, r) => r.lastPull?.pulledUntil ?? '' },
          { title: t('bc.message'), render: (_, r) => r.lastPull?.lastMessage ?? '', ellipsis: true },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.connector && (
                <Button
                  size="small"
                  icon={<SyncOutlined spin={pulling === r.accountId} />}
                  loading={pulling === r.accountId}
                  data-testid={`pull-${r.accountId}`}
                  onClick={async () => {
                    setPulling(r.accountId);
                    try {
                      const s = await pullNow(r.accountId);
                      void message.success(t('bc.pulled', { created: s.linesCreated ?? 0, total: s.linesTotal ?? 0 }));
                      void list.reload();
                    } catch (e) {
                      show(e);
                    } finally {
                      setPulling(null);
                    }
                  }}
                >
                  {t('bc.pullNow')}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('common.timesInHongKong')}
      </Typography.Paragraph>
    </Card>
  );
}
