import { StatisticCard } from '@ant-design/pro-components';
import { App, Button, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext';
import { useProblem } from '../../../components/useProblem';
import {
  createBatch,
  directPayout,
  getWithdrawal,
  hasDirectPayoutFile,
  indicators,
  payoutFileUrl,
  recordResult,
  type Indicator,
  type Withdrawal,
} from '../service';
import { indicatorFilter } from '../indicators';
import { onWithdrawalsChanged } from '../withdrawalEvents';
import { BatchesPanel } from './BatchesPanel';
import { DetailDrawer } from './DetailDrawer';
import { PayoutFileMenu } from './PayoutFileMenu';
import { PayoutModal, ResultModal } from './PayoutForm';
import { FilterBar, outcomeSummary, useWithdrawalList, WithdrawalTable } from './common';

/** Opens the work order of the application's latest payout (the approval happens in the work-order inbox). */
export function WorkOrderLink({ w }: { w: Withdrawal }) {
  const { t } = useTranslation();
  const [id, setId] = useState<number | null>();
  useEffect(() => {
    getWithdrawal(w.id)
      .then((d) => setId(d.payouts.find((p) => p.id === w.payoutId)?.workOrderId ?? d.payouts.at(-1)?.workOrderId ?? null))
      .catch(() => setId(null));
  }, [w.id, w.payoutId]);
  const woId = w.abnormalWorkOrderId ?? id;
  return woId ? (
    <Link to={`/work-orders/${woId}`} data-testid={`wd-wo-${w.serial}`}>
      {t('wd.workOrder')} #{woId}
    </Link>
  ) : null;
}

/** 提現處理: indicator cards in the order of the work, 直接出帳, 打包提審, results, payment files, batches. */
export function ProcessingTab() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const { me } = useAuth();
  const canProcess = !!me?.permissions.includes('WITHDRAWAL_PROCESS');
  const [cards, setCards] = useState<Indicator[]>([]);
  const [category, setCategory] = useState('PENDING');
  const list = useWithdrawalList(indicatorFilter(cards.find((c) => c.category === category)), { totals: true });
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number>();
  const [direct, setDirect] = useState<Withdrawal>();
  const [packing, setPacking] = useState(false);
  const [results, setResults] = useState<Withdrawal[]>();
  const [batchesVersion, setBatchesVersion] = useState(0);
  const [, setParams] = useSearchParams();

  const loadCards = useCallback(() => indicators().then(setCards).catch(show), [show]);
  useEffect(() => {
    void loadCards();
  }, [loadCards]);
  useEffect(() => onWithdrawalsChanged(() => void loadCards()), [loadCards]);
  const refresh = () => {
    setSelected([]);
    void loadCards();
    void list.reload();
    setBatchesVersion((v) => v + 1);
  };

  const selectedRows = list.rows.filter((r) => selected.includes(r.id));
  const submittedSelected = selectedRows.filter((r) => r.status === 'SUBMITTED');
  const resultSelected = selectedRows.filter((r) => r.status === 'DIRECT_PROCESSING');

  return (
    <>
      <StatisticCard.Group direction="row" style={{ marginBottom: 16 }} data-testid="wd-indicators">
        {cards.map((c) => (
          <StatisticCard
            key={c.category}
            data-testid={`wd-indicator-${c.category}`}
            onClick={() => {
              setCategory(c.category);
              setSelected([]);
            }}
            style={{ cursor: 'pointer', background: c.category === category ? '#e6f4ff' : undefined }}
            statistic={{ title: t(`wd.indicator.${c.category}`), value: c.count }}
          />
        ))}
      </StatisticCard.Group>
      <FilterBar onChange={list.setFilter} />
      {canProcess && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button
            type="primary"
            disabled={submittedSelected.length !== 1}
            onClick={() => setDirect(submittedSelected[0])}
            data-testid="wd-direct"
          >
            {t('wd.direct')}
          </Button>
          <Button disabled={!submittedSelected.length} onClick={() => setPacking(true)} data-testid="wd-pack">
            {t('wd.pack')} ({submittedSelected.length})
          </Button>
          <Button disabled={!resultSelected.length} onClick={() => setResults(resultSelected)} data-testid="wd-results">
            {t('wd.updateResults')} ({resultSelected.length})
          </Button>
          <Button onClick={refresh} data-testid="wd-refresh">
            {t('wd.refresh')}
          </Button>
          <Button onClick={() => setParams({ tab: 'cheques' })} data-testid="wd-to-cheques">
            {t('wd.tab.cheques')}
          </Button>
        </Space>
      )}
      <WithdrawalTable
        list={list}
        onOpen={(w) => setOpen(w.id)}
        selection={canProcess ? { selected, onChange: setSelected } : undefined}
        columns={[
          { title: t('wd.channel'), dataIndex: 'channel', render: (c?: string) => (c ? t(`wd.channel.${c}`) : '') },
          {
            title: t('wd.batch'),
            dataIndex: 'batchSerial',
            // the batch's own serial, as the batches panel names it; opens the batch in its drawer
            render: (serial: string | null | undefined, w) =>
              w.batchId ? (
                <Link to={`/withdrawals?tab=processing&batch=${w.batchId}`} data-testid={`wd-batch-of-${w.serial}`}>
                  {serial ?? `#${w.batchId}`}
                </Link>
              ) : (
                ''
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, w) => (
              <Space size={6} wrap>
                {canProcess && w.status === 'SUBMITTED' && (
                  <a onClick={() => setDirect(w)} data-testid={`wd-direct-${w.serial}`}>
                    {t('wd.direct')}
                  </a>
                )}
                {canProcess && w.status === 'DIRECT_PROCESSING' && (
                  <a onClick={() => setResults([w])} data-testid={`wd-result-${w.serial}`}>
                    {t('wd.updateResults')}
                  </a>
                )}
                {hasDirectPayoutFile(w) && <PayoutFileMenu url={(f) => payoutFileUrl(w.id, f)} testId={`wd-payout-file-${w.serial}`} />}
                {(w.status === 'DIRECT_PENDING_APPROVAL' || w.status === 'ABNORMAL_PENDING_REVIEW') && <WorkOrderLink w={w} />}
              </Space>
            ),
          },
        ]}
      />
      <BatchesPanel version={batchesVersion} onChanged={refresh} />
      <PayoutModal
        open={!!direct}
        title={`${t('wd.direct')} ${direct?.serial ?? ''}`}
        currency={direct?.currency}
        withReference
        testId="wd-direct-modal"
        onCancel={() => setDirect(undefined)}
        onSubmit={async (v, form) => {
          if (!direct) return;
          try {
            const r = await directPayout(direct.id, v);
            void message.success(t('wd.workOrderOpened', { id: r.workOrder.id }));
            setDirect(undefined);
            refresh();
          } catch (e) {
            show(e, form);
          }
        }}
      />
      <PayoutModal
        open={packing}
        title={t('wd.pack')}
        currency={submittedSelected[0]?.currency}
        testId="wd-pack-modal"
        onCancel={() => setPacking(false)}
        onSubmit={async (v, form) => {
          try {
            const r = await createBatch(
              submittedSelected.map((w) => w.id),
              v.payingAccountId,
              v.channel,
            );
            const { ok, failed } = outcomeSummary(r.results, list.rows);
            const text = `${t('wd.batchCreated', { serial: r.batch.serial })} · ${t('wd.doneCount', { count: ok })}`;
            if (failed.length) void message.warning(`${text} · ${failed.join('; ')}`, 8);
            else void message.success(text);
            setPacking(false);
            refresh();
          } catch (e) {
            show(e, form);
          }
        }}
      />
      <ResultModal
        open={!!results}
        title={`${t('wd.updateResults')} (${results?.length ?? 0})`}
        each={results}
        onCancel={() => setResults(undefined)}
        onSubmit={async ({ references, ...v }) => {
          if (!results) return;
          const failed: string[] = [];
          for (const w of results) {
            try {
              await recordResult(w.id, references ? { ...v, bankReference: references[String(w.id)] } : v);
            } catch (e) {
              failed.push(`${w.serial}: ${e instanceof Error ? e.message : String(e)}`);
            }
          }
          if (failed.length) void message.warning(failed.join('; '), 8);
          else void message.success(t('wd.doneCount', { count: results.length }));
          setResults(undefined);
          refresh();
        }}
      />
      <DetailDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
