import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext';
import { useProblem } from '../../../components/useProblem';
import { deleteWithdrawal, rejectWithdrawals, submitWithdrawals, type Withdrawal } from '../service';
import { DetailDrawer } from './DetailDrawer';
import { EditModal, ManualModal } from './ManualModal';
import { FilterBar, outcomeSummary, RiskCell, useWithdrawalList, WithdrawalTable } from './common';

export const BEFORE_SUBMISSION = ['RISK_CHECKING', 'RISK_PASSED', 'RISK_FAILED'] as const;

/** 申請: applications before submission; 手工提現, 駁回 / 提交 in batch, edit through a work order, delete with reason. */
export function ApplicationsTab() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const canApply = !!me?.permissions.includes('WITHDRAWAL_APPLY');
  const list = useWithdrawalList({ status: BEFORE_SUBMISSION.join(',') });
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number>();
  const [manual, setManual] = useState(false);
  const [editing, setEditing] = useState<Withdrawal>();
  const [reason, setReason] = useState<{ kind: 'reject' | 'delete'; ids: number[] }>();
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const report = (results: { id: number; ok: boolean; error?: string | null }[]) => {
    const { ok, failed } = outcomeSummary(results, list.rows);
    if (failed.length) void message.warning(`${t('wd.doneCount', { count: ok })} · ${failed.join('; ')}`, 8);
    else void message.success(t('wd.doneCount', { count: ok }));
    setSelected([]);
    void list.reload();
  };

  const submit = () =>
    modal.confirm({
      title: t('wd.confirmSubmit', { count: selected.length }),
      okButtonProps: { 'data-testid': 'wd-confirm-ok' },
      onOk: async () => {
        try {
          report((await submitWithdrawals(selected)).results);
        } catch (e) {
          show(e);
        }
      },
    });

  const finishReason = async (v: { reason: string }) => {
    if (!reason) return;
    try {
      if (reason.kind === 'reject') {
        report((await rejectWithdrawals(reason.ids, v.reason)).results);
      } else {
        await deleteWithdrawal(reason.ids[0], v.reason);
        void message.success(t('wd.deleted'));
        void list.reload();
      }
      setReason(undefined);
      reasonForm.resetFields();
    } catch (e) {
      show(e, reasonForm);
    }
  };

  return (
    <>
      <FilterBar statuses={BEFORE_SUBMISSION} onChange={list.setFilter} />
      {canApply && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setManual(true)} data-testid="wd-manual">
            {t('wd.manual')}
          </Button>
          <Button disabled={!selected.length} onClick={submit} data-testid="wd-submit">
            {t('wd.submit')} ({selected.length})
          </Button>
          <Button danger disabled={!selected.length} onClick={() => setReason({ kind: 'reject', ids: selected })} data-testid="wd-reject">
            {t('wd.reject')} ({selected.length})
          </Button>
          <Button onClick={() => void list.reload()} data-testid="wd-refresh">
            {t('wd.refresh')}
          </Button>
        </Space>
      )}
      <WithdrawalTable
        list={list}
        onOpen={(w) => setOpen(w.id)}
        selection={canApply ? { selected, onChange: setSelected } : undefined}
        columns={[
          { title: t('wd.risk'), key: 'risk', render: (_: unknown, w) => <RiskCell w={w} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, w) =>
              canApply && (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  {w.pendingEditWorkOrderId ? (
                    <Link to={`/work-orders/${w.pendingEditWorkOrderId}`}>{t('wd.editPending')}</Link>
                  ) : (
                    <a onClick={() => setEditing(w)} data-testid={`wd-edit-${w.serial}`}>
                      {t('action.edit')}
                    </a>
                  )}
                  <a onClick={() => setReason({ kind: 'delete', ids: [w.id] })} data-testid={`wd-delete-${w.serial}`}>
                    {t('wd.delete')}
                  </a>
                </Space>
              ),
          },
        ]}
      />
      <ManualModal
        open={manual}
        onClose={(created) => {
          setManual(false);
          if (created) void list.reload();
        }}
      />
      <EditModal
        withdrawal={editing}
        onClose={(done) => {
          setEditing(undefined);
          if (done) void list.reload();
        }}
      />
      <Modal
        open={!!reason}
        title={reason?.kind === 'delete' ? t('wd.confirmDelete') : t('wd.confirmReject', { count: reason?.ids.length ?? 0 })}
        onCancel={() => setReason(undefined)}
        onOk={() => reasonForm.submit()}
        okButtonProps={{ danger: true, 'data-testid': 'wd-reason-ok' }}
        destroyOnClose
      >
        <Form form={reasonForm} layout="vertical" onFinish={finishReason} preserve={false}>
          <Form.Item name="reason" label={t('wd.reason')} rules={[{ required: true, whitespace: true, message: t('wd.reasonRequired') }]}>
            <Input.TextArea rows={3} data-testid="wd-reason-input" />
          </Form.Item>
        </Form>
      </Modal>
      <DetailDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
