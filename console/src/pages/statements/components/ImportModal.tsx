import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Progress, Select, Space, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../../components/useProblem';
import {
  accountLabel,
  FORMATS,
  importStatement,
  refusedRows,
  type BadRow,
  type CompanyAccount,
  type ImportResult,
  type Template,
} from '../service';

interface Values {
  accountId?: number;
  source?: string;
}

/**
 * 導入: company account + bank template (or MT940 / camt.053), the file with an upload progress bar. The result shows the
 * counts of new and duplicate lines; a refused file shows every bad row with its line number and reason.
 */
export function ImportModal({
  open,
  accounts,
  templates,
  onClose,
  onImported,
}: {
  open: boolean;
  accounts: CompanyAccount[];
  templates: Template[];
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [refused, setRefused] = useState<{ rows: BadRow[]; total: number } | null>(null);

  const reset = () => {
    setFile(null);
    setProgress(null);
    setResult(null);
    setRefused(null);
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    setProgress(0);
    try {
      const [kind, value] = (v.source ?? '').split(':');
      const r = await importStatement(
        file,
        { accountId: v.accountId!, templateId: kind === 'T' ? Number(value) : undefined, format: kind === 'F' ? value : undefined },
        setProgress,
      );
      setProgress(100);
      setResult(r);
      onImported(r);
    } catch (e) {
      setProgress(null);
      const bad = refusedRows(e);
      if (bad) setRefused(bad);
      else show(e, form);
    } finally {
      setBusy(false);
    }
  };

  const sources = [
    {
      label: t('st.import.templates'),
      options: templates.filter((tp) => tp.active).map((tp) => ({ value: `T:${tp.id}`, label: `${tp.bankName} · ${tp.name}` })),
    },
    { label: t('st.import.formats'), options: FORMATS.map((f) => ({ value: `F:${f}`, label: t(`st.format.${f}`) })) },
  ];

  return (
    <Modal
      open={open}
      width={760}
      title={t('st.import.title')}
      destroyOnHidden
      afterClose={() => {
        reset();
        form.resetFields();
      }}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('action.close')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} disabled={!file} onClick={() => void submit()} data-testid="import-submit">
          {t('st.import.submit')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" data-testid="import-form">
        <Form.Item name="accountId" label={t('st.account')} rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch optionFilterProp="label" data-testid="import-account" options={accounts.map((a) => ({ value: a.id, label: accountLabel(a) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('st.import.source')} rules={[{ required: true, message: t('form.required') }]}>
          <Select data-testid="import-source" options={sources} />
        </Form.Item>
        <Form.Item label={t('st.import.file')} required>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              setRefused(null);
              setProgress(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file-button">
              {t('st.import.choose')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
      {progress !== null && <Progress percent={progress} status={busy ? 'active' : result ? 'success' : 'normal'} data-testid="import-progress" />}
      {busy && progress === 100 && <Alert type="info" showIcon message={t('st.import.processing')} />}
      {result && (
        <div data-testid="import-result">
          <Alert type="success" showIcon message={t('st.import.done')} style={{ marginBottom: 12 }} />
          <Space size={48}>
            <Statistic title={t('st.import.total')} value={result.total} />
            <Statistic title={t('st.import.created')} value={result.created} valueStyle={{ color: '#389e0d' }} data-testid="import-created" />
            <Statistic title={t('st.import.duplicates')} value={result.duplicates} data-testid="import-duplicates" />
          </Space>
        </div>
      )}
      {refused && (
        <div data-testid="import-refused">
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('st.import.refused', { count: refused.total })}
            description={refused.total > refused.rows.length ? t('st.import.refusedFirst', { count: refused.rows.length }) : t('st.import.nothingImported')}
          />
          <Table<BadRow>
            data-testid="import-bad-rows"
            size="small"
            rowKey={(r, i) => `${r.line}-${i}`}
            dataSource={refused.rows}
            pagination={refused.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            onRow={(r) => ({ 'data-testid': `bad-row-${r.line}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('st.import.line'), dataIndex: 'line', width: 100 },
              { title: t('st.import.problem'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
