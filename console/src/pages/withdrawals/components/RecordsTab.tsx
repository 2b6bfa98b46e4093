import { Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl, RECONCILIATION_RESULTS } from '../service';
import { DetailDrawer } from './DetailDrawer';
import { ALL_STATUSES, FilterBar, RiskCell, timeCell, useWithdrawalList, WithdrawalTable } from './common';

/** 出金記錄: every application with its history in a drawer; export exactly the current filter as XLSX or CSV. */
export function RecordsTab() {
  const { t } = useTranslation();
  const [recon, setRecon] = useState<string>();
  const list = useWithdrawalList(recon ? { reconciliation: recon } : {}, { totals: true });
  const [open, setOpen] = useState<number>();
  return (
    <>
      <FilterBar statuses={ALL_STATUSES} onChange={list.setFilter} />
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('wd.reconciliation')}
          style={{ width: 180 }}
          value={recon}
          onChange={setRecon}
          options={RECONCILIATION_RESULTS.map((r) => ({ value: r, label: t(`wd.recon.${r}`) }))}
          data-testid="wd-filter-reconciliation"
        />
        <Button href={exportUrl(list.effective, 'xlsx')} data-testid="wd-export-xlsx">
          {t('wd.exportXlsx')}
        </Button>
        <Button href={exportUrl(list.effective, 'csv')} data-testid="wd-export-csv">
          {t('wd.exportCsv')}
        </Button>
      </Space>
      <WithdrawalTable
        list={list}
        onOpen={(w) => setOpen(w.id)}
        columns={[
          { title: t('wd.risk'), key: 'risk', render: (_: unknown, w) => <RiskCell w={w} /> },
          { title: t('wd.channel'), dataIndex: 'channel', render: (c?: string) => (c ? t(`wd.channel.${c}`) : '') },
          { title: t('wd.bankReference'), dataIndex: 'bankReference' },
          {
            title: t('wd.reconciliation'),
            dataIndex: 'reconciliationResult',
            render: (r?: string | null) =>
              r ? <Tag color={r === 'MATCHED' ? 'success' : 'error'}>{t(`wd.recon.${r}`, { defaultValue: r })}</Tag> : '',
          },
          { title: t('wd.createdBy'), dataIndex: 'createdBy' },
          { title: t('wd.completedAt'), dataIndex: 'completedAt', render: timeCell },
        ]}
      />
      <DetailDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
