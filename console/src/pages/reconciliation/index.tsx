import { DownOutlined, ExportOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Dropdown, Form, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Amount } from '../../components/Amount';
import { AmountRangeFields } from '../../components/AmountRangeFields';
import { SearchButtons } from '../../components/SearchButtons';
import { useCursorList } from '../../components/useCursorList';
import { useProblem } from '../../components/useProblem';
import type { Page } from '../../api/types';
import { amountRange } from '../../lib/amount';
import { formatTime } from '../../lib/time';
import { STATEMENT_STATE_COLORS, StateTag } from '../statements/components/badges';
import { listCompanyAccounts, type CompanyAccount, type Direction } from '../statements/service';
import { FollowUpDrawer } from './FollowUpDrawer';
import { exportResultsUrl, listResults, listRuns, RESULTS, runReconciliation, type ResultRow, type Run } from './service';

interface RunValues {
  accountId?: number;
  period?: [Dayjs, Dayjs];
  windowDays?: number | null;
}

const CARD_COLORS: Record<string, string> = { success: '#389e0d', error: '#cf1322', warning: '#d48806', magenta: '#c41d7f' };

/**
 * 出金對帳 (and 入金對帳 with direction IN): choose the company account and the period, 刷新 runs the matching; the counts
 * per result are cards that filter the result list; mismatches can be followed up; the list exports.
 */
export default function ReconciliationPage({ direction }: { direction: Direction }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RunValues>();
  const [accounts, setAccounts] = useState<CompanyAccount[]>([]);
  const [runs, setRuns] = useState<Run[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [filter, setFilter] = useState<string | undefined>();
  // the amount range stays as the run changes: the officer follows the same amount from run to run
  const [amountForm] = Form.useForm<{ minAmount?: string; maxAmount?: string }>();
  const [amounts, setAmounts] = useState<{ minAmount?: string; maxAmount?: string }>({});
  const [running, setRunning] = useState(false);
  const [following, setFollowing] = useState<ResultRow | null>(null);

  const accountId = Form.useWatch('accountId', form);
  useEffect(() => {
    listCompanyAccounts().then(setAccounts).catch(show);
  }, [show]);
  // the runs of the chosen account (all accounts before one is chosen), the latest one shown
  useEffect(() => {
    let current = true;
    listRuns({ direction, accountId })
      .then((p) => {
        if (!current) return;
        setRuns(p.items);
        setFilter(undefined);
        setRun(p.items[0] ?? null);
      })
      .catch(show);
    return () => {
      current = false;
    };
  }, [direction, accountId, show]);

  useEffect(() => {
    const accountId = params.get('accountId');
    const from = params.get('from');
    const to = params.get('to');
    form.setFieldsValue({
      accountId: accountId ? Number(accountId) : undefined,
      period: [from ? dayjs(from) : dayjs().subtract(1, 'month').startOf('month'), to ? dayjs(to) : dayjs()],
    });
  }, [params, form]);

  // no run yet for the account: no results (not the last account's)
  const fetchPage = useCallback(
    (after?: string) =>
      run ? listResults(run.id, { result: filter, ...amounts }, after) : Promise.resolve<Page<ResultRow>>({ items: [], next: null }),
    [run, filter, amounts],
  );
  // a refused amount is said under its field
  const showOnFilter = useCallback((e: unknown) => show(e, amountForm), [show, amountForm]);
  const { rows, next, loading, load } = useCursorList<ResultRow>(fetchPage, showOnFilter);
  useEffect(() => {
    void load();
  }, [load]);

  const refresh = async (v: RunValues) => {
    setRunning(true);
    try {
      const r = await runReconciliation({
        direction,
        accountId: v.accountId!,
        from: v.period![0].format('YYYY-MM-DD'),
        to: v.period![1].format('YYYY-MM-DD'),
        windowDays: v.windowDays ?? undefined,
      });
      setRuns((old) => [r, ...old.filter((x) => x.id !== r.id)]);
      setFilter(undefined);
      setRun(r);
    } catch (e) {
      show(e, form);
    } finally {
      setRunning(false);
    }
  };

  const account = (id: number) => {
    const a = accounts.find((x) => x.id === id);
    return a ? `${a.bankName} ${a.accountNo}` : `#${id}`;
  };
  const runLabel = (r: Run) => `#${r.id} · ${account(r.accountId)} · ${r.from} ~ ${r.to} · ${formatTime(r.startedAt)}`;
  const total = run ? Object.values(run.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <Card title={direction === 'OUT' ? t('menu.reconciliationOut') : t('menu.reconciliationIn')} data-testid={`reconciliation-${direction.toLowerCase()}`}>
      <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={(v) => void refresh(v)}>
        <Form.Item name="accountId" label={t('st.account')} rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 280 }} data-testid="recon-account" options={accounts.map((a) => ({ value: a.id, label: `${a.bankName} ${a.accountNo}` }))} />
        </Form.Item>
        <Form.Item name="period" label={t('rc.period')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker.RangePicker allowClear={false} data-testid="recon-period" />
        </Form.Item>
        <Form.Item name="windowDays" label={t('rc.windowDays')} tooltip={t('rc.windowDaysHint')}>
          <InputNumber min={0} max={30} placeholder="3" style={{ width: 80 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SyncOutlined spin={running} />} loading={running} data-testid="recon-run">
          {t('rc.refresh')}
        </Button>
      </Form>
      {runs.length > 0 && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text type="secondary">{t('rc.run')}</Typography.Text>
          <Select
            style={{ width: 560 }}
            value={run?.id}
            data-testid="recon-runs"
            onChange={(id) => {
              setFilter(undefined);
              setRun(runs.find((r) => r.id === id) ?? null);
            }}
            options={runs.map((r) => ({ value: r.id, label: runLabel(r) }))}
          />
          {run && (
            <Typography.Text type="secondary">
              {t('rc.runBy', { who: run.startedBy, window: run.windowDays })}
            </Typography.Text>
          )}
        </Space>
      )}
      {!run && <Alert type="info" showIcon message={t('rc.noRun')} />}
      {run && (
        <>
          <Row gutter={12} style={{ marginBottom: 16 }}>
            <Col span={4}>
              <Card size="small" hoverable onClick={() => setFilter(undefined)} style={{ borderColor: !filter ? '#1677ff' : undefined }} data-testid="count-ALL">
                <Statistic title={t('rc.all')} value={total} />
              </Card>
            </Col>
            {RESULTS.map((r) => (
              <Col span={5} key={r}>
                <Card size="small" hoverable onClick={() => setFilter(r)} style={{ borderColor: filter === r ? '#1677ff' : undefined }} data-testid={`count-${r}`}>
                  <Statistic title={t(`state.recon.${r}`)} value={run.counts[r] ?? 0} valueStyle={{ color: CARD_COLORS[STATEMENT_STATE_COLORS.recon[r]] }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Form form={amountForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => setAmounts(amountRange(v))}>
            <Form.Item>
              <Select allowClear placeholder={t('rc.result')} style={{ width: 200 }} value={filter} onChange={setFilter} data-testid="recon-filter"
                options={RESULTS.map((r) => ({ value: r, label: t(`state.recon.${r}`) }))} />
            </Form.Item>
            <AmountRangeFields testId="recon" />
            <Form.Item>
              <SearchButtons
                form={amountForm}
                testId="recon-search"
                onReset={() => {
                  setFilter(undefined);
                  setAmounts({});
                }}
              />
            </Form.Item>
            <Dropdown
              menu={{
                items: (['XLSX', 'CSV'] as const).map((f) => ({
                  key: f,
                  label: <a href={exportResultsUrl(run.id, { result: filter, ...amounts }, f)} data-testid={`recon-export-${f}`}>{f}</a>,
                })),
              }}
            >
              <Button icon={<ExportOutlined />} data-testid="recon-export">
                {t('st.export')} <DownOutlined />
              </Button>
            </Dropdown>
          </Form>
          <Table<ResultRow>
            data-testid="recon-results"
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1500 }}
            onRow={(r) => ({ 'data-testid': `result-${r.result}-${r.record?.serial ?? r.bankReference ?? r.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('rc.result'), dataIndex: 'result', width: 130, render: (r: string) => <StateTag kind="recon" value={r} /> },
              { title: t('rc.reason'), dataIndex: 'reason', width: 260 },
              { title: t('rc.record'), dataIndex: 'record', width: 170, render: (r: ResultRow['record']) => r?.serial ?? '' },
              { title: t('rc.line'), dataIndex: 'lineId', width: 90 },
              { title: t('rc.systemAmount'), dataIndex: 'systemAmount', align: 'right', width: 140, render: (v: string | null, r) => v && <Amount value={v} asset={r.currency ?? ''} /> },
              { title: t('rc.bankAmount'), dataIndex: 'bankAmount', align: 'right', width: 140, render: (v: string | null, r) => v && <Amount value={v} asset={r.currency ?? ''} /> },
              { title: t('field.currency'), dataIndex: 'currency', width: 70 },
              { title: t('rc.systemDate'), dataIndex: 'systemDate', width: 110 },
              { title: t('rc.bankDate'), dataIndex: 'bankDate', width: 110 },
              { title: t('st.reference'), dataIndex: 'bankReference', width: 150 },
              { title: t('st.counterpartyAccount'), dataIndex: 'counterpartyAccount', width: 150 },
              {
                title: t('rc.followUp.title'),
                dataIndex: 'followUp',
                width: 170,
                render: (f: ResultRow['followUp']) =>
                  f && (
                    <Space size={4}>
                      <StateTag kind="followUp" value={f.status} />
                      {f.assignee}
                    </Space>
                  ),
              },
              {
                title: t('common.actions'),
                fixed: 'right',
                width: 100,
                render: (_, r) =>
                  r.result !== 'MATCHED' && (
                    <Button size="small" type="link" onClick={() => setFollowing(r)} data-testid={`follow-up-${r.id}`}>
                      {t('rc.followUp.open')}
                    </Button>
                  ),
              },
            ]}
          />
          {next && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void load(next)} loading={loading} data-testid="load-more">
                {t('action.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
      <FollowUpDrawer result={following} onClose={() => setFollowing(null)} onChanged={() => void load()} />
    </Card>
  );
}
