import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../../components/Amount';
import { useProblem } from '../../../components/useProblem';
import { ApiError } from '../../../lib/problem';
import { tagLine, type StatementLine } from '../service';

/**
 * 打標: link an unmatched outflow line to a completed withdrawal by its serial. When amount or currency disagree the
 * server refuses (tag-amount-mismatch); the operator then sees why and may tag anyway with a reason.
 */
export function TagModal({ line, onClose, onTagged }: { line: StatementLine | null; onClose: () => void; onTagged: () => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [form] = Form.useForm<{ withdrawalId?: string; reason?: string }>();
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={!!line}
      title={t('st.tag.title')}
      destroyOnHidden
      afterClose={() => setMismatch(null)}
      okText={mismatch ? t('st.tag.override') : t('st.tag.submit')}
      okButtonProps={{ loading: busy, danger: !!mismatch, 'data-testid': 'tag-ok' } as ButtonProps}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(async (v) => {
          if (!line) return;
          setBusy(true);
          try {
            await tagLine(line.id, v.withdrawalId!.trim(), mismatch ? v.reason?.trim() : undefined);
            onTagged();
            onClose();
          } catch (e) {
            if (e instanceof ApiError && e.code === 'tag-amount-mismatch' && !mismatch) setMismatch(e.problem.detail ?? e.message);
            else show(e, form);
          } finally {
            setBusy(false);
          }
        })
      }
    >
      {line && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('st.amount')}>
            <Amount value={line.amount} asset={line.currency} /> {line.currency}
          </Descriptions.Item>
          <Descriptions.Item label={t('st.bookingDate')}>{line.bookingDate}</Descriptions.Item>
          <Descriptions.Item label={t('st.reference')}>{line.bankReference ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('st.counterparty')}>{line.counterpartyName ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="withdrawalId" label={t('st.tag.serial')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="tag-serial" disabled={!!mismatch} />
        </Form.Item>
        {mismatch && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('st.tag.mismatch')} description={mismatch} data-testid="tag-mismatch" />
            <Form.Item name="reason" label={t('st.tag.overrideReason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="tag-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
