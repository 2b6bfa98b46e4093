import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import { formatTime } from '../lib/time';
import { ChangesTable } from './ChangesTable';

/** Audit entries with their before/after expandable: a customer's history, the audit search results. */
export function AuditTable({
  entries,
  loading,
  onOpen,
  testId,
}: {
  entries: AuditEntry[];
  loading?: boolean;
  onOpen?: (entry: AuditEntry) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<AuditEntry>
      data-testid={testId ?? 'audit-table'}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={false}
      onRow={(e) => ({ 'data-testid': `audit-row-${e.id}`, onClick: onOpen ? () => onOpen(e) : undefined, style: onOpen ? { cursor: 'pointer' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: (e) => e.changes.length > 0,
        expandedRowRender: (e) => <ChangesTable changes={e.changes} entityType={e.entityType} />,
      }}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', render: formatTime, width: 170 },
        { title: t('audit.actor'), dataIndex: 'actor', render: (a: string, e) => `${a}${e.actorKind && e.actorKind !== 'OPERATOR' ? ` (${t(`actorKind.${e.actorKind}`, { defaultValue: e.actorKind })})` : ''}` },
        { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
        { title: t('audit.entity'), render: (_, e) => `${e.entityType} #${e.entityId}` },
        { title: t('field.remark'), dataIndex: 'remark', ellipsis: true },
        { title: t('audit.ip'), dataIndex: 'ip', width: 130 },
      ]}
    />
  );
}
