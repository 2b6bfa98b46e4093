import { DownOutlined, ExportOutlined, HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Table, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Amount } from '../../components/Amount';
import { useCursorList } from '../../components/useCursorList';
import { useProblem } from '../../components/useProblem';
import { amountRange } from '../../lib/amount';
import { formatTime } from '../../lib/time';
import { StateTag } from './components/badges';
import { ImportHistory } from './components/ImportHistory';
import { ImportModal } from './components/ImportModal';
import { ReasonModal } from '../../components/ReasonModal';
import { TagModal } from './components/TagModal';
import {
  deleteLines,
  exportLinesUrl,
  flipLines,
  LINE_STATUSES,
  listCompanyAccounts,
  listTemplates,
  rejectTags,
  searchLines,
  type CompanyAccount,
  type Direction,
  type LineFilter,
  type Outcome,
  type StatementLine,
  type Template,
} from './service';
import { AmountRangeFields } from '../../components/AmountRangeFields';
import { SearchButtons } from '../../components/SearchButtons';

interface FilterValues {
  accountId?: number;
  status?: string;
  dates?: [Dayjs, Dayjs] | null;
  q?: string;
  minAmount?: string;
  maxAmount?: string;
}

type Pending = { kind: 'delete' | 'flip' | 'reject'; ids: number[] } | null;

/**
 * 銀行帳單 › 出金帳單 / 入金帳單: the company accounts' bank lines of one direction, with their match status and what
 * they matched; import (template, MT940, camt.053), delete, flip direction, tag to a withdrawal and reject the tag.
 */
export default function StatementsPage({ direction }: { direction: Direction }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  // the filter lives in the URL, so a reload or a shared link keeps it
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filter = useMemo<Omit<LineFilter, 'direction'>>(() => {
    const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
    const str = (k: string) => params.get(k) || undefined;
    return {
      accountId: num('accountId'),
      status: str('status'),
      from: str('from'),
      to: str('to'),
      q: str('q'),
      minAmount: str('minAmount'),
      maxAmount: str('maxAmount'),
      importId: num('importId'),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramsKey]);
  const setFilter = useCallback(
    (f: Omit<LineFilter, 'direction'>) => {
      const p: Record<string, string> = {};
      for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null && v !== '') p[k] = String(v);
      setParams(p);
    },
    [setParams],
  );
  useEffect(() => {
    form.setFieldsValue({
      accountId: filter.accountId,
      status: filter.status,
      q: filter.q,
      minAmount: filter.minAmount,
      maxAmount: filter.maxAmount,
      dates: filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : undefined,
    });
  }, [filter, form]);
  const [accounts, setAccounts] = useState<CompanyAccount[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [importing, setImporting] = useState(false);
  const [history, setHistory] = useState(false);
  const [tagging, setTagging] = useState<StatementLine | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  useEffect(() => {
    listCompanyAccounts().then(setAccounts).catch(show);
    listTemplates().then(setTemplates).catch(() => undefined);
  }, [show]);

  const full: LineFilter = { direction, ...filter };
  const fetchPage = useCallback(
    async (after?: string) => {
      const page = await searchLines({ direction, ...filter }, after);
      if (!after) setSelected([]);
      return page;
    },
    [direction, filter],
  );
  // a bad filter value is shown at its field
  const showAtForm = useCallback((e: unknown) => show(e, form), [show, form]);
  const { rows, next, loading, load } = useCursorList<StatementLine>(fetchPage, showAtForm);
  useEffect(() => {
    void load();
  }, [load]);

  const account = (id: number) => {
    const a = accounts.find((x) => x.id === id);
    return a ? `${a.bankName} ${a.accountNo}` : `#${id}`;
  };

  const report = (results: Outcome[]) => {
    const failed = results.filter((r) => !r.ok);
    const ok = results.length - failed.length;
    if (failed.length === 0) {
      void message.success(t('st.batch.ok', { count: ok }));
    } else {
      Modal.warning({
        title: t('st.batch.partial', { ok, failed: failed.length }),
        content: (
          <ul data-testid="batch-failures">
            {failed.map((f) => (
              <li key={f.id}>
                #{f.id}: {f.error}
              </li>
            ))}
          </ul>
        ),
      });
    }
    void load();
  };

  const run = async (kind: 'delete' | 'flip' | 'reject', ids: number[], reason: string) => {
    const r = kind === 'delete' ? await deleteLines(ids, reason) : kind === 'flip' ? await flipLines(ids, reason || undefined) : await rejectTags(ids, reason || undefined);
    report(r.results);
  };

  const selectedRows = rows.filter((r) => selected.includes(r.id));
  const title = direction === 'OUT' ? t('menu.statementsOut') : t('menu.statementsIn');

  return (
    <Card
      title={title}
      data-testid={`statements-${direction.toLowerCase()}`}
      extra={
        <Space>
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="statement-import">
            {t('st.import.title')}
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="statement-history">
            {t('st.history.title')}
          </Button>
          <Dropdown
            menu={{
              items: (['XLSX', 'CSV'] as const).map((f) => ({ key: f, label: <a href={exportLinesUrl(full, f)}>{f}</a> })),
            }}
          >
            <Button icon={<ExportOutlined />} data-testid="statement-export">
              {t('st.export')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      }
    >
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) =>
          setFilter({
            accountId: v.accountId,
            status: v.status,
            from: v.dates?.[0]?.format('YYYY-MM-DD'),
            to: v.dates?.[1]?.format('YYYY-MM-DD'),
            q: v.q?.trim() || undefined,
            ...amountRange(v),
            importId: undefined,
          })
        }
      >
        <Form.Item name="accountId">
          <Select showSearch optionFilterProp="label" allowClear placeholder={t('st.account')} style={{ width: 240 }} data-testid="filter-account"
            options={accounts.map((a) => ({ value: a.id, label: `${a.bankName} ${a.accountNo}` }))} />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder={t('st.status')} style={{ width: 140 }} data-testid="filter-status"
            options={LINE_STATUSES.map((s) => ({ value: s, label: t(`state.line.${s}`) }))} />
        </Form.Item>
        <Form.Item name="dates">
          <DatePicker.RangePicker placeholder={[t('st.from'), t('st.to')]} />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('st.searchHint')} style={{ width: 280 }} data-testid="filter-q" />
        </Form.Item>
        <AmountRangeFields testId="filter" />
        <SearchButtons form={form} testId="statement-search" onReset={() => setFilter({})} />
      </Form>
      {filter.importId && (
        <Typography.Paragraph type="secondary" data-testid="filter-import">
          {t('st.filteredByImport', { id: filter.importId })}{' '}
          <a onClick={() => setFilter({ ...filter, importId: undefined })}>{t('action.reset')}</a>
        </Typography.Paragraph>
      )}
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('st.selected', { count: selected.length })}</Typography.Text>
        <Button size="small" danger disabled={!selectedRows.length || selectedRows.some((r) => r.status !== 'UNMATCHED')}
          onClick={() => setPending({ kind: 'delete', ids: selected })} data-testid="batch-delete">
          {t('st.delete')}
        </Button>
        <Button size="small" disabled={!selectedRows.length || selectedRows.some((r) => r.status !== 'UNMATCHED')}
          onClick={() => setPending({ kind: 'flip', ids: selected })} data-testid="batch-flip">
          {t('st.flip')}
        </Button>
        <Button size="small" disabled={!selectedRows.length || selectedRows.some((r) => r.status !== 'TAGGED')}
          onClick={() => setPending({ kind: 'reject', ids: selected })} data-testid="batch-reject">
          {t('st.rejectTag')}
        </Button>
      </Space>
      <Table<StatementLine>
        data-testid="statement-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1700 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        onRow={(l) => ({ 'data-testid': `line-${l.bankReference ?? l.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 80 },
          { title: t('st.bookingDate'), dataIndex: 'bookingDate', width: 110 },
          {
            title: t('st.amount'),
            dataIndex: 'amount',
            align: 'right',
            width: 150,
            render: (v: string, l) => (
              <Space size={4}>
                <Amount value={v} asset={l.currency} />
                <Typography.Text type="secondary">{l.currency}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('st.direction'),
            dataIndex: 'direction',
            width: 100,
            render: (d: string, l) => (
              <Tooltip title={d !== l.originalDirection ? t('st.flipped') : undefined}>
                <span>
                  <StateTag kind="direction" value={d} />
                  {d !== l.originalDirection && '↺'}
                </span>
              </Tooltip>
            ),
          },
          { title: t('st.status'), dataIndex: 'status', width: 100, render: (s: string) => <StateTag kind="line" value={s} /> },
          { title: t('st.matched'), dataIndex: 'matched', width: 150, render: (m: StatementLine['matched']) => m?.serial ?? '' },
          {
            title: t('st.reconResult'),
            dataIndex: 'reconResult',
            width: 140,
            render: (r: string | null, l) => (
              <Tooltip title={l.reconReason}>
                <span>
                  <StateTag kind="recon" value={r} />
                </span>
              </Tooltip>
            ),
          },
          { title: t('st.reference'), dataIndex: 'bankReference', width: 150 },
          { title: t('st.counterparty'), dataIndex: 'counterpartyName', ellipsis: true, width: 160 },
          { title: t('st.counterpartyAccount'), dataIndex: 'counterpartyAccount', width: 150 },
          { title: t('st.account'), dataIndex: 'accountId', render: account, width: 180 },
          { title: t('st.description'), dataIndex: 'description', ellipsis: true, width: 160 },
          { title: t('st.source'), dataIndex: 'source', width: 80, render: (s: string) => t(`st.sourceName.${s}`, { defaultValue: s }) },
          { title: t('field.remark'), dataIndex: 'remark', ellipsis: true, width: 140 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime, width: 160 },

          {
            title: t('common.actions'),
            fixed: 'right',
            width: 190,
            render: (_, l) => (
              <Space size={0} wrap>
                {l.status === 'UNMATCHED' && direction === 'OUT' && (
                  <Button size="small" type="link" onClick={() => setTagging(l)} data-testid={`tag-${l.id}`}>
                    {t('st.tag')}
                  </Button>
                )}
                {l.status === 'UNMATCHED' && (
                  <Button size="small" type="link" onClick={() => setPending({ kind: 'flip', ids: [l.id] })} data-testid={`flip-${l.id}`}>
                    {t('st.flip')}
                  </Button>
                )}
                {l.status === 'UNMATCHED' && (
                  <Button size="small" type="link" danger onClick={() => setPending({ kind: 'delete', ids: [l.id] })} data-testid={`delete-${l.id}`}>
                    {t('st.delete')}
                  </Button>
                )}
                {l.status === 'TAGGED' && (
                  <Button size="small" type="link" danger onClick={() => setPending({ kind: 'reject', ids: [l.id] })} data-testid={`reject-${l.id}`}>
                    {t('st.rejectTag')}
                  </Button>
                )}
              </Space>
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('common.timesInHongKong')}
      </Typography.Paragraph>
      <ImportModal open={importing} accounts={accounts} templates={templates} onClose={() => setImporting(false)} onImported={() => void load()} />
      <ImportHistory
        open={history}
        accounts={accounts}
        onClose={() => setHistory(false)}
        onShowLines={(importId) => {
          setHistory(false);
          form.resetFields();
          setFilter({ importId });
        }}
      />
      <TagModal line={tagging} onClose={() => setTagging(null)} onTagged={() => void load()} />
      <ReasonModal
        open={!!pending}
        title={pending ? t(`st.confirm.${pending.kind}`, { count: pending.ids.length }) : ''}
        // a flip on the inflow statement turns an inflow into an outflow: the text must say which way this page flips
        text={pending ? t(pending.kind === 'flip' && direction === 'IN' ? 'st.confirm.flipTextIn' : `st.confirm.${pending.kind}Text`) : undefined}
        required={pending?.kind === 'delete'}
        danger={pending?.kind !== 'flip'}
        onClose={() => setPending(null)}
        onOk={(reason) => run(pending!.kind, pending!.ids, reason)}
      />
    </Card>
  );
}
