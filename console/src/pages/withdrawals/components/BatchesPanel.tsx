import { Alert, App, Button, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext';
import { Amount } from '../../../components/Amount';
import { ReasonModal } from '../../../components/ReasonModal';
import { useCursorList } from '../../../components/useCursorList';
import { useProblem } from '../../../components/useProblem';
import {
  BATCH_STATUSES,
  BATCH_STATUSES_WITH_FILE,
  batchFileUrl,
  batchResults,
  discardBatch,
  getBatch,
  listBatches,
  removeBatchItems,
  submitBatch,
  submitBatchResults,
  type Batch,
  type BatchItem,
} from '../service';
import { PayoutFileMenu } from './PayoutFileMenu';
import { ResultModal } from './PayoutForm';
import { nowrapHeader, timeCell, WithdrawalBadge } from './common';
import { onWithdrawalsChanged } from '../withdrawalEvents';

const BATCH_COLORS: Record<string, string> = {
  DRAFT: 'default',
  PENDING_APPROVAL: 'gold',
  PROCESSING: 'processing',
  RESULT_PENDING_REVIEW: 'purple',
  COMPLETED: 'success',
  DISCARDED: 'default',
};

export function BatchBadge({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={BATCH_COLORS[value] ?? 'default'} data-testid="wd-batch-status">
      {t(`wd.batchStatus.${value}`, { defaultValue: value })}
    </Tag>
  );
}

/** The batch's payout file, offered once the batch payout is approved (before that the server has none). */
function BatchFileMenu({ batch }: { batch: Pick<Batch, 'id' | 'status'> }) {
  if (!BATCH_STATUSES_WITH_FILE.includes(batch.status)) return null;
  return <PayoutFileMenu url={(f) => batchFileUrl(batch.id, f)} testId="wd-batch-file" />;
}

/** 打包: the batches (newest first) with their items; remove items and submit a draft, results of a processing batch. */
export function BatchesPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [status, setStatus] = useState<string>();
  const [open, setOpen] = useState<number>();
  const fetchPage = useCallback((after?: string) => listBatches(status, after), [status]);
  const { rows, next, loading, load } = useCursorList<Batch>(fetchPage, show);
  useEffect(() => {
    void load();
  }, [load, version]);
  useEffect(() => onWithdrawalsChanged(() => void load()), [load]);
  return (
    <div style={{ marginTop: 24 }}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('wd.batches')}
        </Typography.Title>
        <Select
          allowClear
          placeholder={t('wd.status')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`wd.batchStatus.${s}`) }))}
        />
      </Space>
      <Table<Batch>
        data-testid="wd-batches"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(b) => ({ 'data-testid': `wd-batch-row-${b.serial}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('wd.batch'),
            dataIndex: 'serial',
            render: (s: string, b) => (
              <a onClick={() => setOpen(b.id)} data-testid={`wd-batch-open-${s}`}>
                {s}
              </a>
            ),
          },
          { title: t('wd.status'), dataIndex: 'status', render: (s: string) => <BatchBadge value={s} /> },
          { title: t('wd.channel'), dataIndex: 'channel', render: (c: string) => t(`wd.channel.${c}`, { defaultValue: c }) },
          { title: t('wd.items'), dataIndex: 'itemCount' },
          {
            title: t('wd.totals'),
            dataIndex: 'totals',
            render: (ts: Batch['totals']) =>
              ts.map((x) => (
                <div key={x.currency}>
                  {x.currency} <Amount value={x.amount} asset={x.currency} />
                </div>
              )),
          },
          {
            title: t('wd.workOrder'),
            key: 'wo',
            render: (_: unknown, b) => (
              <Space>
                {b.workOrderId && <Link to={`/work-orders/${b.workOrderId}`}>#{b.workOrderId}</Link>}
                {b.reviewWorkOrderId && <Link to={`/work-orders/${b.reviewWorkOrderId}`}>#{b.reviewWorkOrderId}</Link>}
              </Space>
            ),
          },
          { title: t('wd.createdBy'), dataIndex: 'createdBy' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: timeCell },
          { title: t('common.actions'), key: 'file', render: (_: unknown, b) => <BatchFileMenu batch={b} /> },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 8 }} onClick={() => void load(next)} loading={loading}>
          {t('action.loadMore')}
        </Button>
      )}
      <BatchDrawer
        id={open}
        onClose={() => setOpen(undefined)}
        onChanged={() => {
          void load();
          onChanged();
        }}
      />
    </div>
  );
}

/** One batch in a drawer: its paying account, totals and items, and what the operator may do with it now. */
export function BatchDrawer({ id, onClose, onChanged }: { id?: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const canProcess = !!me?.permissions.includes('WITHDRAWAL_PROCESS');
  const [batch, setBatch] = useState<Batch>();
  const [selected, setSelected] = useState<number[]>([]);
  const [resultOpen, setResultOpen] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const reload = useCallback(() => {
    if (id) getBatch(id).then(setBatch).catch(show);
  }, [id, show]);
  useEffect(() => {
    setBatch(undefined);
    setSelected([]);
    reload();
  }, [reload]);
  const changed = () => {
    setSelected([]);
    reload();
    onChanged();
  };
  const items = batch?.items ?? [];
  const draft = batch?.status === 'DRAFT';
  const processing = batch?.status === 'PROCESSING';
  // a processing batch that already had a result review went back to the operator: the review refused the results
  const refused = processing && !!batch?.reviewWorkOrderId;
  const allEntered = items.length > 0 && items.every((i) => !!i.result);
  return (
    <Drawer open={!!id} onClose={onClose} width={900} title={batch ? `${t('wd.batch')} ${batch.serial}` : t('wd.batch')} data-testid="wd-batch-drawer">
      {batch && (
        <div data-testid="wd-batch-body">
          <Space style={{ marginBottom: 12 }} wrap>
            <BatchBadge value={batch.status} />
            <span>
              {t('wd.channel')}: {t(`wd.channel.${batch.channel}`, { defaultValue: batch.channel })}
            </span>
            {batch.workOrderId && (
              <Link to={`/work-orders/${batch.workOrderId}`} data-testid="wd-batch-wo">
                {t('wd.workOrder')} #{batch.workOrderId}
              </Link>
            )}
            {batch.reviewWorkOrderId && (
              <Link to={`/work-orders/${batch.reviewWorkOrderId}`} data-testid="wd-batch-review-wo">
                {t('wd.resultReview')} #{batch.reviewWorkOrderId}
              </Link>
            )}
            <BatchFileMenu batch={batch} />
          </Space>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }} data-testid="wd-batch-summary">
            <Descriptions.Item label={t('wd.payingAccount')}>
              <span data-testid="wd-batch-paying-account">
                {batch.payingBankName} {batch.payingAccountNo}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.items')}>
              <span data-testid="wd-batch-count">{batch.itemCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.totals')} span={2}>
              <span data-testid="wd-batch-totals">
                {batch.totals.map((x) => (
                  <div key={x.currency}>
                    {x.currency} <Amount value={x.amount} asset={x.currency} /> ({t('wd.itemCount', { count: x.items })})
                  </div>
                ))}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {refused && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('wd.resultsRefused')}
              description={t('wd.resultsRefusedHelp')}
              data-testid="wd-batch-refused"
            />
          )}
          {canProcess && (
            <Space style={{ marginBottom: 12 }}>
              {draft && (
                <Button
                  danger
                  disabled={!selected.length}
                  data-testid="wd-batch-remove"
                  onClick={() =>
                    modal.confirm({
                      title: t('wd.confirmRemove', { count: selected.length }),
                      okButtonProps: { 'data-testid': 'wd-confirm-ok' },
                      onOk: async () => {
                        try {
                          await removeBatchItems(batch.id, selected);
                          changed();
                        } catch (e) {
                          show(e);
                        }
                      },
                    })
                  }
                >
                  {t('wd.removeItems')} ({selected.length})
                </Button>
              )}
              {draft && (
                <Button
                  type="primary"
                  disabled={!items.length}
                  data-testid="wd-batch-submit"
                  onClick={() =>
                    modal.confirm({
                      title: t('wd.confirmBatchSubmit', { serial: batch.serial }),
                      okButtonProps: { 'data-testid': 'wd-confirm-ok' },
                      onOk: async () => {
                        try {
                          const r = await submitBatch(batch.id);
                          void message.success(t('wd.workOrderOpened', { id: r.workOrder.id }));
                          changed();
                        } catch (e) {
                          show(e);
                        }
                      },
                    })
                  }
                >
                  {t('wd.submitForApproval')}
                </Button>
              )}
              {draft && (
                <Button danger onClick={() => setDiscarding(true)} data-testid="wd-batch-discard">
                  {t('wd.discardBatch')}
                </Button>
              )}
              {processing && (
                <Button type="primary" disabled={!selected.length} onClick={() => setResultOpen(true)} data-testid="wd-batch-results">
                  {t('wd.updateResults')} ({selected.length})
                </Button>
              )}
              {processing && allEntered && (
                <Button
                  data-testid="wd-batch-submit-results"
                  onClick={() =>
                    modal.confirm({
                      title: t('wd.confirmSubmitResults', { serial: batch.serial }),
                      okButtonProps: { 'data-testid': 'wd-confirm-ok' },
                      onOk: async () => {
                        try {
                          const r = await submitBatchResults(batch.id);
                          void message.success(t('wd.workOrderOpened', { id: r.workOrder.id }));
                          changed();
                        } catch (e) {
                          show(e);
                        }
                      },
                    })
                  }
                >
                  {t('wd.submitResults')}
                </Button>
              )}
            </Space>
          )}
          <Table<BatchItem>
            rowKey="withdrawalId"
            size="small"
            pagination={false}
            dataSource={items}
            onRow={(i) => ({ 'data-testid': `wd-batch-item-${i.serial}` }) as React.HTMLAttributes<HTMLElement>}
            rowSelection={
              canProcess && (draft || processing)
                ? {
                    selectedRowKeys: selected,
                    onChange: (k) => setSelected(k as number[]),
                  }
                : undefined
            }
            columns={[
              { title: t('wd.serial'), dataIndex: 'serial' },
              { title: t('wd.customer'), dataIndex: 'customerNo', render: (no: string, i) => `${no} ${i.customerName}` },
              { title: t('wd.amount'), dataIndex: 'amount', align: 'right', render: (a: string, i) => <>{i.currency} <Amount value={a} asset={i.currency} /></> },
              { title: t('wd.bankCard'), key: 'payee', render: (_: unknown, i) => `${i.payeeBankName} ${i.payeeAccountNo} (${i.payeeName})` },
              { title: t('wd.status'), dataIndex: 'status', render: (s: string) => <WithdrawalBadge value={s} /> },
              // empty until results come: their headings must not be squeezed into a letter per line
              { title: t('wd.result'), dataIndex: 'result', onHeaderCell: nowrapHeader, render: (r?: string) => (r ? t(`wd.result.${r}`, { defaultValue: r }) : '') },
              { title: t('wd.bankReference'), dataIndex: 'bankReference', onHeaderCell: nowrapHeader },
              { title: t('wd.reason'), dataIndex: 'reason', onHeaderCell: nowrapHeader },
            ]}
          />
          <ReasonModal
            open={discarding}
            title={t('wd.confirmDiscard', { serial: batch.serial })}
            text={t('wd.confirmDiscardText')}
            required
            danger
            onClose={() => setDiscarding(false)}
            onOk={async (reason) => {
              await discardBatch(batch.id, reason);
              void message.success(t('wd.doneCount', { count: items.length }));
              changed();
            }}
          />
          <ResultModal
            open={resultOpen}
            title={`${t('wd.updateResults')} (${selected.length})`}
            onCancel={() => setResultOpen(false)}
            onSubmit={async (v) => {
              try {
                const r = await batchResults(
                  batch.id,
                  selected.map((withdrawalId) => ({ withdrawalId, ...v })),
                );
                const failed = r.results.filter((x) => !x.ok);
                if (failed.length) void message.warning(failed.map((x) => `${x.id}: ${x.error}`).join('; '), 8);
                else void message.success(t('wd.doneCount', { count: r.results.length }));
                if (r.reviewWorkOrderId) void message.info(t('wd.workOrderOpened', { id: r.reviewWorkOrderId }));
                setResultOpen(false);
                changed();
              } catch (e) {
                show(e);
              }
            }}
          />
        </div>
      )}
    </Drawer>
  );
}
