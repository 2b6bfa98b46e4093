import { Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from './useProblem';

/** A confirmation that asks for a reason (required or optional) before an action runs; server errors stay on the form. */
export function ReasonModal({
  open,
  title,
  text,
  required,
  danger,
  onOk,
  onClose,
}: {
  open: boolean;
  title: string;
  text?: string;
  required?: boolean;
  danger?: boolean;
  onOk: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      destroyOnHidden
      okText={t('action.confirm')}
      okButtonProps={{ danger, loading: busy, 'data-testid': 'reason-ok' } as ButtonProps}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(async (v) => {
          setBusy(true);
          try {
            await onOk(v.reason?.trim() ?? '');
            onClose();
          } catch (e) {
            show(e, form);
          } finally {
            setBusy(false);
          }
        })
      }
    >
      {text && <Typography.Paragraph>{text}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t('st.reason')} rules={required ? [{ required: true, whitespace: true, message: t('form.required') }] : []}>
          <Input.TextArea rows={3} maxLength={500} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
