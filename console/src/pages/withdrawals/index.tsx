import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { AbnormalTab } from './components/AbnormalTab';
import { ApplicationsTab } from './components/ApplicationsTab';
import { BatchDrawer } from './components/BatchesPanel';
import { ChequesTab } from './components/ChequesTab';
import { DetailDrawer } from './components/DetailDrawer';
import { ProcessingTab } from './components/ProcessingTab';
import { RecordsTab } from './components/RecordsTab';
import { withdrawalsChanged } from './withdrawalEvents';

/**
 * 款項管理 › 出金: 申請, 提現處理, 異常出金, 出金記錄, 支票列印 as tabs; the tab lives in the URL, and so may one
 * application (?withdrawal=id) or payout batch (?batch=id) opened in its drawer: the work orders link to them so.
 */
export default function WithdrawalsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const has = (p: string) => !!me?.permissions.includes(p as never);
  const tabs = [
    { key: 'applications', label: t('wd.tab.applications'), children: <ApplicationsTab />, show: has('WITHDRAWAL_APPLY') || has('WITHDRAWAL_VIEW') },
    { key: 'processing', label: t('wd.tab.processing'), children: <ProcessingTab />, show: has('WITHDRAWAL_PROCESS') || has('WITHDRAWAL_VIEW') },
    { key: 'abnormal', label: t('wd.tab.abnormal'), children: <AbnormalTab />, show: has('WITHDRAWAL_PROCESS') || has('WITHDRAWAL_VIEW') },
    { key: 'records', label: t('wd.tab.records'), children: <RecordsTab />, show: true },
    { key: 'cheques', label: t('wd.tab.cheques'), children: <ChequesTab />, show: has('CHEQUE_PRINT') || has('WITHDRAWAL_VIEW') },
  ].filter((x) => x.show);
  const active = tabs.find((x) => x.key === params.get('tab'))?.key ?? tabs[0]?.key;
  const idParam = (name: string) => (/^\d+$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
  const closeParam = (name: string) => {
    const next = new URLSearchParams(params);
    next.delete(name);
    setParams(next);
  };
  return (
    <Card title={t('wd.title')} extra={<Typography.Text type="secondary">{t('common.timesInHongKong')}</Typography.Text>}>
      <Tabs
        activeKey={active}
        destroyInactiveTabPane
        onChange={(k) => setParams({ tab: k })}
        items={tabs.map(({ key, label, children }) => ({ key, label: <span data-testid={`wd-tab-${key}`}>{label}</span>, children }))}
      />
      <DetailDrawer id={idParam('withdrawal')} onClose={() => closeParam('withdrawal')} />
      <BatchDrawer id={idParam('batch')} onClose={() => closeParam('batch')} onChanged={withdrawalsChanged} />
    </Card>
  );
}
