import { Button, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../../components/Amount';
import { useCursorList } from '../../../components/useCursorList';
import { useProblem } from '../../../components/useProblem';
import { amountRange } from '../../../lib/amount';
import { formatTime, hkDayEnd, hkDayStart } from '../../../lib/time';
import {
  CHANNELS,
  CURRENCIES,
  listWithdrawals,
  type Outcome,
  type Withdrawal,
  type WithdrawalFilter,
  type WithdrawalTotal,
  withdrawalTotals,
  WITHDRAWAL_STATUSES,
} from '../service';
import { AmountRangeFields } from '../../../components/AmountRangeFields';
import { SearchButtons } from '../../../components/SearchButtons';
import { onWithdrawalsChanged } from '../withdrawalEvents';

/** The one colour mapping of the withdrawal states; labels are "wd.status.<STATE>". */
export const WITHDRAWAL_COLORS: Record<string, string> = {
  RISK_CHECKING: 'processing',
  RISK_PASSED: 'success',
  RISK_FAILED: 'warning',
  REJECTED: 'error',
  DELETED: 'default',
  SUBMITTED: 'blue',
  DIRECT_PENDING_APPROVAL: 'gold',
  DIRECT_PROCESSING: 'processing',
  IN_BATCH: 'cyan',
  BATCH_PENDING_APPROVAL: 'gold',
  BATCH_PROCESSING: 'processing',
  RESULT_PENDING_REVIEW: 'purple',
  ABNORMAL: 'red',
  ABNORMAL_PENDING_REVIEW: 'magenta',
  COMPLETED: 'success',
  FAILED: 'error',
  RETURNED: 'volcano',
};

export function WithdrawalBadge({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={WITHDRAWAL_COLORS[value] ?? 'default'} data-testid="wd-status">
      {t(`wd.status.${value}`, { defaultValue: value })}
    </Tag>
  );
}

/** The risk result with its reasons in a tooltip (and inline when short). */
export function RiskCell({ w }: { w: Withdrawal }) {
  const { t } = useTranslation();
  if (!w.riskResult) return <span>—</span>;
  const color = w.riskResult === 'PASSED' ? 'success' : 'warning';
  const reasons = w.riskReasons ?? [];
  return (
    <Tooltip title={reasons.join('; ')}>
      <Space direction="vertical" size={0}>
        <Tag color={color}>{t(`wd.risk.${w.riskResult}`, { defaultValue: w.riskResult })}</Tag>
        {reasons.length > 0 && <small data-testid="wd-risk-reasons">{reasons.join('; ')}</small>}
      </Space>
    </Tooltip>
  );
}

/**
 * A list of withdrawals for a fixed base filter plus the operator's filter, paged by the server's `next` cursor. With
 * `totals`, each first page comes with the totals of everything the filter selects (the server's aggregate), so they
 * follow the filter and every refresh after an action.
 */
export function useWithdrawalList(base: WithdrawalFilter, options: { totals?: boolean } = {}) {
  const { show } = useProblem();
  const [filter, setFilter] = useState<WithdrawalFilter>({});
  const [totals, setTotals] = useState<WithdrawalTotal[]>();
  const own = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  const key = JSON.stringify({ ...base, ...own });
  const effective = JSON.parse(key) as WithdrawalFilter;
  const withTotals = !!options.totals;

  const fetchPage = useCallback(
    (after?: string) => {
      const f = JSON.parse(key) as WithdrawalFilter;
      // a refused filter is said once, by the list; the totals then show nothing rather than the last filter's
      if (withTotals && !after) withdrawalTotals(f).then(setTotals, () => setTotals(undefined));
      return listWithdrawals(f, after);
    },
    [key, withTotals],
  );
  const { rows, next, loading, load } = useCursorList<Withdrawal>(fetchPage, show);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => onWithdrawalsChanged(() => void load()), [load]);
  return { rows, next, loading, load, filter, setFilter, effective, totals, reload: () => load() };
}

interface FilterValues {
  serial?: string;
  customer?: string;
  currency?: string;
  status?: string;
  channel?: string;
  dates?: [Dayjs, Dayjs] | null;
  minAmount?: string;
  maxAmount?: string;
}

/** The filter bar shared by the tabs: serial, customer, currency, status (when the tab allows), channel, dates, amounts. */
export function FilterBar({
  statuses,
  onChange,
  completedDates,
}: {
  statuses?: readonly string[];
  onChange: (f: WithdrawalFilter) => void;
  completedDates?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const finish = (v: FilterValues) => {
    const from = v.dates?.[0] ? hkDayStart(v.dates[0].format('YYYY-MM-DD')) : undefined;
    const to = v.dates?.[1] ? hkDayEnd(v.dates[1].format('YYYY-MM-DD')) : undefined;
    onChange({
      serial: v.serial?.trim() || undefined,
      customer: v.customer?.trim() || undefined,
      currency: v.currency,
      status: v.status,
      channel: v.channel,
      ...(completedDates ? { completedFrom: from, completedTo: to } : { from, to }),
      ...amountRange(v),
    });
  };
  return (
    <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={finish}>
      <Form.Item name="serial">
        <Input allowClear placeholder={t('wd.serial')} style={{ width: 170 }} data-testid="wd-filter-serial" />
      </Form.Item>
      <Form.Item name="customer">
        <Input allowClear placeholder={t('wd.customerHint')} style={{ width: 170 }} data-testid="wd-filter-customer" />
      </Form.Item>
      <Form.Item name="currency">
        <Select allowClear placeholder={t('wd.currency')} style={{ width: 100 }} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      {statuses && (
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('wd.status')}
            style={{ width: 170 }}
            options={statuses.map((s) => ({ value: s, label: t(`wd.status.${s}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="channel">
        <Select allowClear placeholder={t('wd.channel')} style={{ width: 130 }} options={CHANNELS.map((c) => ({ value: c, label: t(`wd.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker placeholder={completedDates ? [t('wd.completedFrom'), t('wd.completedTo')] : [t('wd.createdFrom'), t('wd.createdTo')]} />
      </Form.Item>
      <AmountRangeFields testId="wd-filter" />
      <SearchButtons form={form} testId="wd-filter-submit" onReset={() => onChange({})} />
    </Form>
  );
}

export const ALL_STATUSES = WITHDRAWAL_STATUSES;

/** The columns every withdrawal table starts with. */
export function useBaseColumns(onOpen?: (w: Withdrawal) => void): TableColumnsType<Withdrawal> {
  const { t } = useTranslation();
  return [
    {
      title: t('wd.serial'),
      dataIndex: 'serial',
      render: (s: string, w) =>
        onOpen ? (
          <a onClick={() => onOpen(w)} data-testid={`wd-open-${s}`}>
            {s}
          </a>
        ) : (
          s
        ),
    },
    // the number on a line of its own, then the name: the columns stay narrow without breaking either
    {
      title: t('wd.customer'),
      dataIndex: 'customerNo',
      render: (no: string, w) => (
        <>
          <span style={NOWRAP}>{no}</span>
          <br />
          {w.customerName}
        </>
      ),
    },
    { title: t('wd.currency'), dataIndex: 'currency' },
    { title: t('wd.amount'), dataIndex: 'amount', align: 'right', render: (a: string, w) => <Amount value={a} asset={w.currency} /> },
    { title: t('wd.fee'), dataIndex: 'fee', align: 'right', render: (a: string, w) => <Amount value={a} asset={w.currency} /> },
    {
      title: t('wd.bankCard'),
      dataIndex: 'bankCard',
      render: (c: Withdrawal['bankCard']) =>
        c ? (
          <>
            {c.bankName}
            <br />
            <span style={NOWRAP}>{c.accountNo}</span>
            <br />
            {c.holderName}
          </>
        ) : (
          ''
        ),
    },
    { title: t('wd.status'), dataIndex: 'status', render: (s: string) => <WithdrawalBadge value={s} /> },
    {
      title: t('wd.source'),
      dataIndex: 'source',
      render: (s: string) => <span style={NOWRAP}>{t(`wd.source.${s}`, { defaultValue: s })}</span>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: timeCell },
  ];
}

/** Row test ids by serial, for the browser tests. */
export const rowProps = (w: Withdrawal) => ({ 'data-testid': `wd-row-${w.serial}` }) as React.HTMLAttributes<HTMLElement>;

/** One line per refused record of a batch command ("WD… : reason"). */
export function outcomeSummary(results: Outcome[], rows: Withdrawal[]): { ok: number; failed: string[] } {
  const serial = new Map(rows.map((r) => [r.id, r.serial]));
  return {
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).map((r) => `${serial.get(r.id) ?? r.id}: ${r.error ?? ''}`),
  };
}

/** 合計: how many applications the filter selects and their amount per currency (all of them, not the rows loaded). */
export function ListTotals({ totals }: { totals?: WithdrawalTotal[] }) {
  const { t } = useTranslation();
  if (!totals) return null;
  const count = totals.reduce((n, x) => n + x.count, 0);
  return (
    <Space wrap size="large" style={{ marginTop: 8 }} data-testid="wd-totals">
      <span>{t('wd.listTotal', { count })}</span>
      {totals.map((x) => (
        <span key={x.currency} data-testid={`wd-total-${x.currency}`}>
          {x.currency} <Amount value={x.amount} asset={x.currency} /> ({t('wd.itemCount', { count: x.count })})
        </span>
      ))}
    </Space>
  );
}

export function LoadMore({ next, loading, onMore }: { next?: string | null; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  if (!next) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      <Button onClick={onMore} loading={loading} data-testid="load-more">
        {t('action.loadMore')}
      </Button>
    </div>
  );
}

/**
 * The row's actions stay at the table's right edge while the other columns scroll under them: the English labels make
 * the table wider than a 1440 px screen, and the actions are what the operator came for.
 */
function keepActionsInView(column: TableColumnsType<Withdrawal>[number]): TableColumnsType<Withdrawal>[number] {
  return column.key === 'actions' ? { ...column, fixed: 'right' } : column;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A heading on one line: squeezed by a wide table, short Chinese headings otherwise stack a character per line. */
export const nowrapHeader = () => ({ style: NOWRAP });

/** A time in Hong Kong, on one line. */
export function timeCell(iso?: string | null) {
  return <span style={NOWRAP}>{formatTime(iso)}</span>;
}

/**
 * The table of a withdrawal tab: the columns every tab shows, then the tab's own; row selection when the operator may
 * act on the rows; "load more" under it.
 */
export function WithdrawalTable({
  list,
  onOpen,
  columns,
  selection,
}: {
  list: ReturnType<typeof useWithdrawalList>;
  onOpen: (w: Withdrawal) => void;
  columns: TableColumnsType<Withdrawal>;
  selection?: { selected: number[]; onChange: (ids: number[]) => void };
}) {
  const base = useBaseColumns(onOpen);
  return (
    <>
      <Table<Withdrawal>
        data-testid="wd-table"
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={list.loading}
        dataSource={list.rows}
        pagination={false}
        onRow={rowProps}
        rowSelection={selection ? { selectedRowKeys: selection.selected, onChange: (k) => selection.onChange(k as number[]) } : undefined}
        columns={[...base, ...columns.map(keepActionsInView)].map((c) => ({ ...c, onHeaderCell: nowrapHeader }))}
      />
      <ListTotals totals={list.totals} />
      <LoadMore next={list.next} loading={list.loading} onMore={() => void list.load(list.next ?? undefined)} />
    </>
  );
}
