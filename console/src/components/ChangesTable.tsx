import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../api/types';
import { useNames } from './useNames';

/**
 * The before/after of changed fields (a work order's proposed change, an audit entry's changes), with the fields and
 * coded values named in the operator's language. `entityType` (the work order's subject type, the audit entry's entity
 * type) says whose states the values are: a withdrawal's, a batch's, ...
 */
export function ChangesTable({ changes, entityType, testId }: { changes: FieldChange[]; entityType?: string; testId?: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  const shown = (c: FieldChange, v?: string | null) => (v == null || v === '' ? null : names.value(c.field, v, entityType));
  return (
    <Table<FieldChange>
      data-testid={testId ?? 'changes-table'}
      size="small"
      pagination={false}
      rowKey={(c) => c.field}
      dataSource={changes}
      locale={{ emptyText: t('changes.none') }}
      columns={[
        { title: t('changes.field'), dataIndex: 'field', render: (f: string) => names.field(f) },
        {
          title: t('changes.before'),
          dataIndex: 'before',
          render: (_: unknown, c) => {
            const v = shown(c, c.before);
            return v == null ? empty : <Typography.Text delete type="secondary">{v}</Typography.Text>;
          },
        },
        {
          title: t('changes.after'),
          dataIndex: 'after',
          render: (_: unknown, c) => {
            const v = shown(c, c.after);
            return v == null ? empty : <Typography.Text strong>{v}</Typography.Text>;
          },
        },
      ]}
    />
  );
}
