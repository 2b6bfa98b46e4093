import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth/AuthContext';
import { useProblem } from '../../../components/useProblem';
import { ABNORMAL_ACTIONS, handleAbnormal } from '../service';
import { DetailDrawer } from './DetailDrawer';
import { WorkOrderLink } from './ProcessingTab';
import { FilterBar, outcomeSummary, useWithdrawalList, WithdrawalTable } from './common';

/** 異常出金 (W-13): 轉成功 / 轉失敗 / 再付款 / 重提交, singly or in batch, each waiting for a second person's review. */
export function AbnormalTab() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const { me } = useAuth();
  const canProcess = !!me?.permissions.includes('WITHDRAWAL_PROCESS');
  const list = useWithdrawalList({ status: 'ABNORMAL,ABNORMAL_PENDING_REVIEW' });
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number>();
  const [action, setAction] = useState<{ action: string; ids: number[] }>();
  const [form] = Form.useForm<{ remark: string }>();
  const abnormalSelected = list.rows.filter((r) => selected.includes(r.id) && r.status === 'ABNORMAL').map((r) => r.id);

  const finish = async (v: { remark: string }) => {
    if (!action) return;
    try {
      const r = await handleAbnormal(action.ids, action.action, v.remark);
      const { ok, failed } = outcomeSummary(r.results, list.rows);
      if (failed.length) void message.warning(`${t('wd.doneCount', { count: ok })} · ${failed.join('; ')}`, 8);
      else void message.success(t('wd.waitingReview', { count: ok }));
      setAction(undefined);
      setSelected([]);
      void list.reload();
    } catch (e) {
      show(e, form);
    }
  };

  return (
    <>
      <FilterBar statuses={['ABNORMAL', 'ABNORMAL_PENDING_REVIEW']} onChange={list.setFilter} />
      {canProcess && (
        <Space style={{ marginBottom: 12 }} wrap>
          {ABNORMAL_ACTIONS.map((a) => (
            <Button
              key={a}
              disabled={!abnormalSelected.length}
              onClick={() => setAction({ action: a, ids: abnormalSelected })}
              data-testid={`wd-abnormal-${a}`}
            >
              {t(`wd.abnormal.${a}`)} ({abnormalSelected.length})
            </Button>
          ))}
          <Button onClick={() => void list.reload()}>{t('wd.refresh')}</Button>
        </Space>
      )}
      <WithdrawalTable
        list={list}
        onOpen={(w) => setOpen(w.id)}
        selection={canProcess ? { selected, onChange: setSelected } : undefined}
        columns={[
          { title: t('wd.failureReason'), dataIndex: 'failureReason' },
          {
            title: t('wd.abnormalAction'),
            dataIndex: 'abnormalAction',
            render: (a: string | null, w) => (a ? <Space style={{ whiteSpace: 'nowrap' }}>{t(`wd.abnormal.${a}`, { defaultValue: a })}<WorkOrderLink w={w} /></Space> : ''),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, w) =>
              canProcess &&
              w.status === 'ABNORMAL' && (
                <Space size={4} wrap>
                  {ABNORMAL_ACTIONS.map((a) => (
                    <a key={a} onClick={() => setAction({ action: a, ids: [w.id] })} data-testid={`wd-abnormal-${a}-${w.serial}`}>
                      {t(`wd.abnormal.${a}`)}
                    </a>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!action}
        title={action ? `${t(`wd.abnormal.${action.action}`)} (${action.ids.length})` : ''}
        onCancel={() => setAction(undefined)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'wd-abnormal-ok' }}
        destroyOnClose
      >
        <p>{action && t(`wd.abnormalHelp.${action.action}`)}</p>
        <Form form={form} layout="vertical" preserve={false} onFinish={finish}>
          <Form.Item name="remark" label={t('wd.remark')} rules={[{ required: true, whitespace: true, message: t('wd.reasonRequired') }]}>
            <Input.TextArea rows={3} data-testid="wd-abnormal-remark" />
          </Form.Item>
        </Form>
      </Modal>
      <DetailDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
