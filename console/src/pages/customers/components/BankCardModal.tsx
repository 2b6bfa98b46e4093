import { Alert, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BankCard, CardChange, WorkOrder } from '../../../api/types';
import { useProblem } from '../../../components/useProblem';
import { workOrdersChanged } from '../../../layout/workOrderEvents';
import { proposeCardChange, proposeNewCard } from '../service';

const CURRENCIES = ['HKD', 'USD', 'CNY'];

/**
 * Edits a bank card (or proposes a new one) through a work order: nothing changes until a checker approves it, so
 * the modal ends by naming the work order it created.
 */
export function BankCardModal({
  customerId,
  card,
  open,
  onClose,
}: {
  customerId: number;
  card?: BankCard;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [form] = Form.useForm<CardChange>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<WorkOrder | null>(null);

  useEffect(() => {
    if (open) {
      setCreated(null);
      form.resetFields();
      form.setFieldsValue(
        card
          ? { bankName: card.bankName, bankCode: card.bankCode, accountNo: card.accountNo, holderName: card.holderName, currency: card.currency, remark: '' }
          : { bankName: '', bankCode: '', accountNo: '', holderName: '', currency: 'HKD', remark: '' },
      );
    }
  }, [open, card, form]);

  const submit = async () => {
    let values: CardChange;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const wo = card ? await proposeCardChange(customerId, card.id, values) : await proposeNewCard(customerId, values);
      setCreated(wo);
      workOrdersChanged();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Modal
      open={open}
      title={card ? t('bankCard.editTitle') : t('bankCard.newTitle')}
      onCancel={onClose}
      onOk={created ? onClose : submit}
      okText={created ? t('action.close') : t('bankCard.submit')}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'bank-card-submit' } as ButtonProps}
      destroyOnHidden
      data-testid="bank-card-modal"
    >
      {created ? (
        <Alert
          type="success"
          showIcon
          data-testid="bank-card-created"
          message={t('bankCard.submitted')}
          description={
            <Link to={`/work-orders/${created.id}`} data-testid="bank-card-work-order-link">
              {t('workOrders.number', { id: created.id })}
            </Link>
          }
        />
      ) : (
        <>
          <Alert type="info" showIcon message={t('bankCard.needsApproval')} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical">
            <Form.Item name="bankName" label={t('field.bankName')} rules={required}>
              <Input data-testid="bank-card-bankName" />
            </Form.Item>
            <Form.Item name="bankCode" label={t('field.bankCode')} rules={required}>
              <Input data-testid="bank-card-bankCode" />
            </Form.Item>
            <Form.Item name="accountNo" label={t('field.accountNo')} rules={required}>
              <Input data-testid="bank-card-accountNo" />
            </Form.Item>
            <Form.Item name="holderName" label={t('field.holderName')} rules={required}>
              <Input data-testid="bank-card-holderName" />
            </Form.Item>
            <Form.Item name="currency" label={t('field.currency')} rules={required}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} data-testid="bank-card-currency" />
            </Form.Item>
            <Form.Item name="remark" label={t('field.remark')}>
              <Input.TextArea rows={2} data-testid="bank-card-remark" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
