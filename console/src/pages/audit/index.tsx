import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, Page, VerifyResult } from '../../api/types';
import { AuditTable } from '../../components/AuditTable';
import { ChangesTable } from '../../components/ChangesTable';
import { useCursorList } from '../../components/useCursorList';
import { useNames } from '../../components/useNames';
import { useProblem } from '../../components/useProblem';
import { formatTime, hkDayEnd, hkDayStart } from '../../lib/time';
import { SearchButtons } from '../../components/SearchButtons';
import { verifyMessage } from './verify';

interface FilterValues {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  dates?: [Dayjs, Dayjs] | null;
}

/** 審計: search the audit log by actor, entity, action and time; an entry's before/after; verify the hash chain. */
export default function AuditPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { show } = useProblem();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<FilterValues>({});
  const [actions, setActions] = useState<string[]>([]);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    api.get<string[]>('/api/audit/actions').then(setActions).catch(() => undefined);
  }, []);

  const fetchPage = useCallback(
    (after?: string) =>
      api.get<Page<AuditEntry>>('/api/audit', {
        actor: filter.actor?.trim(),
        entityType: filter.entityType?.trim(),
        entityId: filter.entityId?.trim(),
        action: filter.action,
        from: filter.dates?.[0] ? hkDayStart(filter.dates[0].format('YYYY-MM-DD')) : undefined,
        to: filter.dates?.[1] ? hkDayEnd(filter.dates[1].format('YYYY-MM-DD')) : undefined,
        size: 50,
        after,
      }),
    [filter],
  );
  const showOnForm = useCallback((e: unknown) => show(e, form), [show, form]);
  const { rows, next, loading, load } = useCursorList(fetchPage, showOnForm);

  useEffect(() => {
    void load();
  }, [load]);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<VerifyResult>('/api/audit/verify'));
    } catch (e) {
      show(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verifying} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      >
        {verify && (
          <Alert
            style={{ marginBottom: 16 }}
            showIcon
            closable
            onClose={() => setVerify(null)}
            type={verify.ok ? 'success' : 'error'}
            data-testid="audit-verify-result"
            message={verifyMessage(verify, t)}
            description={verify.ok ? undefined : verify.reason}
          />
        )}
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={setFilter}>
          <Form.Item name="actor">
            <Input allowClear placeholder={t('audit.actor')} style={{ width: 140 }} data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="entityType">
            <Input allowClear placeholder={t('audit.entityType')} style={{ width: 140 }} data-testid="audit-filter-entity-type" />
          </Form.Item>
          <Form.Item name="entityId">
            <Input allowClear placeholder={t('audit.entityId')} style={{ width: 120 }} data-testid="audit-filter-entity-id" />
          </Form.Item>
          <Form.Item name="action">
            <Select
              allowClear
              showSearch
              placeholder={t('audit.action')}
              style={{ width: 220 }}
              options={actions.map((a) => ({ value: a, label: names.auditAction(a) }))}
              filterOption={(input, option) => `${option?.label} ${option?.value}`.toLowerCase().includes(input.trim().toLowerCase())}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item name="dates">
            <DatePicker.RangePicker />
          </Form.Item>
          <SearchButtons form={form} testId="audit-search" onReset={() => setFilter({})} />
        </Form>
        <AuditTable entries={rows} loading={loading} onOpen={setOpen} />
        {next && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => void load(next)} loading={loading} data-testid="load-more">
              {t('action.loadMore')}
            </Button>
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.timesInHongKong')}
        </Typography.Text>
      </Card>
      <Drawer width={720} open={open !== null} onClose={() => setOpen(null)} title={t('audit.entry', { id: open?.id ?? '' })} data-testid="audit-drawer">
        {open && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered data-testid="audit-entry">
              <Descriptions.Item label={t('audit.at')}>{formatTime(open.at)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.actor')}>
                {open.actor} ({t(`actorKind.${open.actorKind}`, { defaultValue: open.actorKind })})
              </Descriptions.Item>
              {/* the codes too: the filters above search by them */}
              <Descriptions.Item label={t('audit.action')}>
                {names.auditAction(open.action)} <Typography.Text code>{open.action}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.entity')}>
                {names.entity(open.entityType, open.entityId)}{' '}
                <Typography.Text code>
                  {open.entityType} #{open.entityId}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.remark')}>{open.remark}</Descriptions.Item>
              <Descriptions.Item label={t('audit.ip')}>{open.ip}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain')}>
                {open.chain} / {open.seq}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.hash')}>
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {open.hash}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <ChangesTable changes={open.changes} entityType={open.entityType} testId="audit-entry-changes" />
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
