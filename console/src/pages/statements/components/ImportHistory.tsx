import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Table } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../components/useCursorList';
import { useProblem } from '../../../components/useProblem';
import { formatTime } from '../../../lib/time';
import { importFileUrl, listImports, type CompanyAccount, type ImportView } from '../service';

/** 導入記錄: who imported which file when, with the counts, a download of the original file, and its lines. */
export function ImportHistory({
  open,
  accounts,
  onClose,
  onShowLines,
}: {
  open: boolean;
  accounts: CompanyAccount[];
  onClose: () => void;
  onShowLines: (importId: number) => void;
}) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const fetchPage = useCallback((after?: string) => listImports(undefined, after), []);
  const { rows, next, loading, load } = useCursorList(fetchPage, show);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const account = (id: number) => {
    const a = accounts.find((x) => x.id === id);
    return a ? `${a.bankName} ${a.accountNo}` : `#${id}`;
  };
  return (
    <Drawer open={open} onClose={onClose} width={1000} title={t('st.history.title')}>
      <Table<ImportView>
        data-testid="import-history"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('st.history.at'), dataIndex: 'importedAt', render: formatTime, width: 160 },
          { title: t('st.history.by'), dataIndex: 'importedBy' },
          { title: t('st.account'), dataIndex: 'accountId', render: account },
          { title: t('st.history.file'), dataIndex: 'fileName', ellipsis: true },
          { title: t('st.history.format'), dataIndex: 'format' },
          { title: t('st.import.total'), dataIndex: 'total' },
          { title: t('st.import.created'), dataIndex: 'created' },
          { title: t('st.import.duplicates'), dataIndex: 'duplicates' },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => onShowLines(r.id)}>
                  {t('st.history.lines')}
                </Button>
                <Button size="small" type="link" icon={<DownloadOutlined />} href={importFileUrl(r.id)} data-testid={`import-download-${r.id}`}>
                  {t('st.history.download')}
                </Button>
              </>
            ),
          },
        ]}
      />
      {next && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void load(next)} loading={loading}>
            {t('action.loadMore')}
          </Button>
        </div>
      )}
    </Drawer>
  );
}
