import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../api/types';

/** The before/after of changed fields (a work order's proposed change, an audit entry's changes). */
export function ChangesTable({ changes, testId }: { changes: FieldChange[]; testId?: string }) {
  const { t } = useTranslation();
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Table<FieldChange>
      data-testid={testId ?? 'changes-table'}
      size="small"
      pagination={false}
      rowKey={(c) => c.field}
      dataSource={changes}
      locale={{ emptyText: t('changes.none') }}
      columns={[
        { title: t('changes.field'), dataIndex: 'field', render: (f: string) => t(`field.${f}`, { defaultValue: f }) },
        {
          title: t('changes.before'),
          dataIndex: 'before',
          render: (v?: string | null) => (v == null || v === '' ? empty : <Typography.Text delete type="secondary">{v}</Typography.Text>),
        },
        {
          title: t('changes.after'),
          dataIndex: 'after',
          render: (v?: string | null) => (v == null || v === '' ? empty : <Typography.Text strong>{v}</Typography.Text>),
        },
      ]}
    />
  );
}
