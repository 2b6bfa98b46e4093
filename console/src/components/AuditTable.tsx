import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import { formatTime } from '../lib/time';
import { ChangesTable } from './ChangesTable';
import { useNames } from './useNames';

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
  const names = useNames();
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
        { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text title={a}>{names.auditAction(a)}</Typography.Text> },
        { title: t('audit.entity'), render: (_, e) => <span title={`${e.entityType} #${e.entityId}`}>{names.entity(e.entityType, e.entityId)}</span> },
        { title: t('field.remark'), dataIndex: 'remark', ellipsis: true },
        { title: t('audit.ip'), dataIndex: 'ip', width: 130 },
      ]}
    />
  );
}
