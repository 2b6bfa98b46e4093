import { App, Button, Form, Input, Modal, Segmented, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth/AuthContext';
import { Amount } from '../../../components/Amount';
import { formatAmount } from '../../../lib/amount';
import { useCursorList } from '../../../components/useCursorList';
import { useProblem } from '../../../components/useProblem';
import { listCheques, printCheques, type ChequeRow } from '../service';
import { timeCell } from './common';
import { DetailDrawer } from './DetailDrawer';

type Printed = 'unprinted' | 'printed';

/** 支票列印: completed cheque payouts; 首打 with cheque numbers, 補打 with a reason; the PDF downloads; history in the drawer. */
export function ChequesTab() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const { me } = useAuth();
  const canPrint = !!me?.permissions.includes('CHEQUE_PRINT');
  const [printed, setPrinted] = useState<Printed>('unprinted');
  const [serial, setSerial] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [printing, setPrinting] = useState(false);
  const [open, setOpen] = useState<number>();
  const [form] = Form.useForm<{ numbers: Record<string, string>; reason?: string }>();
  const reprint = printed === 'printed';

  const fetchPage = useCallback((after?: string) => listCheques(printed === 'printed', serial || undefined, after), [printed, serial]);
  const { rows, next, loading, load } = useCursorList<ChequeRow>(fetchPage, show);
  useEffect(() => {
    setSelected([]);
    void load();
  }, [load]);

  const chosen = rows.filter((r) => selected.includes(r.withdrawalId));
  const finish = async (v: { numbers: Record<string, string>; reason?: string }) => {
    try {
      await printCheques(
        chosen.map((r) => ({ withdrawalId: r.withdrawalId, chequeNumber: v.numbers[String(r.withdrawalId)].trim() })),
        reprint,
        v.reason,
      );
      void message.success(t('wd.printed', { count: chosen.length }));
      setPrinting(false);
      setSelected([]);
      void load();
    } catch (e) {
      show(e, form);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Printed>
          value={printed}
          onChange={setPrinted}
          options={[
            { value: 'unprinted', label: <span data-testid="wd-cheques-unprinted">{t('wd.unprinted')}</span> },
            { value: 'printed', label: <span data-testid="wd-cheques-printed">{t('wd.printedTab')}</span> },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('wd.serial')}
          onSearch={(s) => setSerial(s.trim())}
          style={{ width: 200 }}
          data-testid="wd-cheque-search"
        />
        {canPrint && (
          <Button type="primary" disabled={!chosen.length} onClick={() => setPrinting(true)} data-testid="wd-cheque-print">
            {reprint ? t('wd.reprint') : t('wd.firstPrint')} ({chosen.length})
          </Button>
        )}
      </Space>
      <Table<ChequeRow>
        data-testid="wd-cheques"
        rowKey="withdrawalId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `wd-cheque-row-${r.serial}` }) as React.HTMLAttributes<HTMLElement>}
        rowSelection={canPrint ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) } : undefined}
        columns={[
          {
            title: t('wd.serial'),
            dataIndex: 'serial',
            render: (s: string, r) => <a onClick={() => setOpen(r.withdrawalId)}>{s}</a>,
          },
          { title: t('wd.customer'), dataIndex: 'customerNo', render: (no: string, r) => `${no} ${r.customerName}` },
          { title: t('wd.payee'), dataIndex: 'payee' },
          { title: t('wd.amount'), dataIndex: 'amount', align: 'right', render: (a: string, r) => <>{r.currency} <Amount value={a} asset={r.currency} /></> },
          { title: t('wd.completedAt'), dataIndex: 'completedAt', render: timeCell },
          { title: t('wd.prints'), dataIndex: 'prints' },
          { title: t('wd.chequeNumber'), dataIndex: 'lastChequeNumber' },
          { title: t('wd.lastPrintedAt'), dataIndex: 'lastPrintedAt', render: timeCell },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 8 }} onClick={() => void load(next)}>
          {t('action.loadMore')}
        </Button>
      )}
      <Modal
        open={printing}
        title={reprint ? t('wd.reprint') : t('wd.firstPrint')}
        onCancel={() => setPrinting(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'wd-cheque-ok' }}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={finish}>
          {chosen.map((r) => (
            <Form.Item
              key={r.withdrawalId}
              name={['numbers', String(r.withdrawalId)]}
              label={`${r.serial} · ${r.payee} · ${r.currency} ${formatAmount(r.amount, r.currency)}`}
              rules={[{ required: true, whitespace: true, message: t('wd.required') }]}
            >
              <Input placeholder={t('wd.chequeNumber')} data-testid={`wd-cheque-number-${r.withdrawalId}`} />
            </Form.Item>
          ))}
          {reprint && (
            <Form.Item name="reason" label={t('wd.reason')} rules={[{ required: true, whitespace: true, message: t('wd.reasonRequired') }]}>
              <Input.TextArea rows={2} data-testid="wd-cheque-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <DetailDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
