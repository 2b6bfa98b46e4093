import { StatisticCard } from '@ant-design/pro-components';
import { Button, Card, DatePicker, Form, Select, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { WorkOrder, WorkOrderCounts } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { StatusBadge } from '../../components/StatusBadge';
import { useCursorList } from '../../components/useCursorList';
import { useNames } from '../../components/useNames';
import { useProblem } from '../../components/useProblem';
import { onWorkOrdersChanged } from '../../layout/workOrderEvents';
import { WORK_ORDER_TYPES } from '../../lib/names';
import { formatTime, hkDayEnd, hkDayStart } from '../../lib/time';
import {
  listPolicies,
  listWorkOrders,
  operatorDirectory,
  STATUSES,
  workOrderCounts,
  type WorkOrderFilter,
} from './service';
import { SearchButtons } from '../../components/SearchButtons';
import { SubjectLink } from './SubjectLink';

type View = 'inbox' | 'mine' | 'all';

interface FilterValues {
  type?: string;
  status?: string;
  makerId?: number;
  dates?: [Dayjs, Dayjs] | null;
}

/** 工單: the inbox of what I may decide, my own, and the history, with filters by type, status, maker and date. */
export default function WorkOrdersPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { me, access } = useAuth();
  const mayReadPolicies = access.any('SYSTEM_ADMIN', 'WORK_ORDER_APPROVE', 'AUDIT_VIEW');
  const { show } = useProblem();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View) || 'inbox';
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<FilterValues>({});
  const [counts, setCounts] = useState<WorkOrderCounts>();
  const [types, setTypes] = useState<string[]>([...WORK_ORDER_TYPES]);
  const [makers, setMakers] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    if (!mayReadPolicies) return;
    listPolicies()
      .then((ps) => setTypes([...new Set([...WORK_ORDER_TYPES, ...ps.map((p) => p.type)])]))
      .catch(() => undefined);
  }, [mayReadPolicies]);

  useEffect(() => {
    operatorDirectory()
      .then((ops) => setMakers(new Map(ops.map((o) => [o.id, `${o.displayName} (${o.username})`]))))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const load = () => workOrderCounts().then(setCounts).catch(() => undefined);
    void load();
    return onWorkOrdersChanged(load);
  }, []);

  const query = useMemo((): WorkOrderFilter => {
    const q: WorkOrderFilter = {
      type: filter.type,
      status: filter.status,
      makerId: filter.makerId,
      from: filter.dates?.[0] ? hkDayStart(filter.dates[0].format('YYYY-MM-DD')) : undefined,
      to: filter.dates?.[1] ? hkDayEnd(filter.dates[1].format('YYYY-MM-DD')) : undefined,
    };
    if (view === 'inbox') q.inbox = true;
    if (view === 'mine' && me) q.makerId = me.id;
    return q;
  }, [filter, view, me]);

  const fetchPage = useCallback(
    async (after?: string) => {
      const page = await listWorkOrders({ ...query, after });
      // the makers seen in the list join the maker filter's choices
      setMakers((old) => {
        const m = new Map(old);
        page.items.forEach((w) => m.has(w.makerId) || m.set(w.makerId, w.maker));
        return m;
      });
      return page;
    },
    [query],
  );
  const { rows, next, loading, load } = useCursorList<WorkOrder>(fetchPage, show);

  useEffect(() => {
    void load();
  }, [load]);

  const makerOptions = useMemo(() => {
    const m = new Map(makers);
    if (me) m.set(me.id, me.displayName);
    return [...m.entries()].map(([id, name]) => ({ value: id, label: name }));
  }, [makers, me]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <StatisticCard.Group direction="row">
        <StatisticCard
          data-testid="indicator-inbox"
          statistic={{ title: t('workOrders.inbox'), value: counts?.inbox ?? '-' }}
          onClick={() => setParams({ view: 'inbox' })}
          style={{ cursor: 'pointer' }}
        />
        <StatisticCard
          data-testid="indicator-mine"
          statistic={{ title: t('workOrders.minePending'), value: counts?.mine ?? '-' }}
          onClick={() => setParams({ view: 'mine' })}
          style={{ cursor: 'pointer' }}
        />
      </StatisticCard.Group>
      <Card>
        <Tabs
          activeKey={view}
          onChange={(k) => setParams({ view: k })}
          items={[
            { key: 'inbox', label: <span data-testid="wo-tab-inbox">{t('workOrders.inbox')}</span> },
            { key: 'mine', label: <span data-testid="wo-tab-mine">{t('workOrders.mine')}</span> },
            { key: 'all', label: <span data-testid="wo-tab-all">{t('workOrders.all')}</span> },
          ]}
        />
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={setFilter}>
          <Form.Item name="type">
            <Select
              allowClear
              placeholder={t('workOrders.type')}
              style={{ width: 180 }}
              options={types.map((ty) => ({ value: ty, label: names.workOrderType(ty) }))}
              data-testid="wo-filter-type"
            />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t('workOrders.status')}
              style={{ width: 140 }}
              options={STATUSES.map((s) => ({ value: s, label: t(`state.workOrder.${s}`) }))}
              data-testid="wo-filter-status"
            />
          </Form.Item>
          {view !== 'mine' && (
            <Form.Item name="makerId">
              <Select allowClear placeholder={t('workOrders.maker')} style={{ width: 200 }} options={makerOptions} data-testid="wo-filter-maker" />
            </Form.Item>
          )}
          <Form.Item name="dates">
            <DatePicker.RangePicker />
          </Form.Item>
          <SearchButtons form={form} testId="wo-filter-submit" onReset={() => setFilter({})} />
        </Form>
        <Table<WorkOrder>
          data-testid="work-order-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: view === 'inbox' ? t('workOrders.inboxEmpty') : t('common.noData') }}
          onRow={(w) => ({ 'data-testid': `work-order-row-${w.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('workOrders.id'),
              dataIndex: 'id',
              render: (id: number) => (
                <Link to={`/work-orders/${id}`} data-testid={`work-order-link-${id}`}>
                  {t('workOrders.number', { id })}
                </Link>
              ),
            },
            { title: t('workOrders.type'), dataIndex: 'type', render: (ty: string) => names.workOrderType(ty) },
            {
              title: t('workOrders.subject'),
              dataIndex: 'subjectLabel',
              render: (l: string, w) => <SubjectLink workOrder={w} text={l || names.entity(w.subjectType, w.subjectId)} />,
            },
            { title: t('workOrders.maker'), dataIndex: 'maker' },
            { title: t('workOrders.status'), dataIndex: 'status', render: (s: string) => <StatusBadge kind="workOrder" value={s} /> },
            {
              title: t('workOrders.level'),
              render: (_, w) => (
                <Typography.Text type="secondary">
                  {w.status === 'PENDING' ? `${w.currentLevel + 1} / ${w.levels.length}` : `${w.levels.length} / ${w.levels.length}`}
                </Typography.Text>
              ),
            },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime },
            { title: t('workOrders.decidedAt'), dataIndex: 'decidedAt', render: formatTime },
          ]}
        />
        {next && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => void load(next)} loading={loading} data-testid="load-more">
              {t('action.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </Space>
  );
}
