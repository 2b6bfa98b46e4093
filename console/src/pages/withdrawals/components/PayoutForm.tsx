import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../../components/useProblem';
import { CHANNELS, companyAccounts, type CompanyAccount } from '../service';

export interface PayoutValues {
  payingAccountId?: number;
  channel?: string;
  bankReference?: string;
}

/** The paying company accounts (active, for the currency when known). */
export function useCompanyAccounts(currency?: string) {
  const { show } = useProblem();
  const [accounts, setAccounts] = useState<CompanyAccount[]>([]);
  useEffect(() => {
    companyAccounts().then(setAccounts).catch(show);
  }, [show]);
  return accounts.filter((a) => a.active && (!currency || a.currencies.includes(currency)));
}

/** Modal asking for the paying account and channel (and, for a direct payout, the bank reference). */
export function PayoutModal({
  open,
  title,
  currency,
  withReference,
  onCancel,
  onSubmit,
  testId,
}: {
  open: boolean;
  title: string;
  currency?: string;
  withReference?: boolean;
  onCancel: () => void;
  onSubmit: (v: PayoutValues, form: ReturnType<typeof Form.useForm<PayoutValues>>[0]) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PayoutValues>();
  const accounts = useCompanyAccounts(currency);
  const [saving, setSaving] = useState(false);
  const accountId = Form.useWatch('payingAccountId', form);
  const account = accounts.find((a) => a.id === accountId);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': `${testId}-ok` }}
      destroyOnClose
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async (v) => {
          setSaving(true);
          try {
            await onSubmit(v, form);
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="payingAccountId" label={t('wd.payingAccount')} rules={[{ required: true, message: t('wd.required') }]}>
          <Select
            data-testid={`${testId}-account`}
            options={accounts.map((a) => ({ value: a.id, label: `${a.bankName} ${a.accountNo} ${a.accountName} (${a.currencies.join('/')})` }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('wd.channel')} rules={[{ required: true, message: t('wd.required') }]}>
          <Select
            data-testid={`${testId}-channel`}
            options={CHANNELS.filter((c) => !account || account.channels.length === 0 || account.channels.includes(c)).map((c) => ({
              value: c,
              label: t(`wd.channel.${c}`),
            }))}
          />
        </Form.Item>
        {withReference && (
          <Form.Item name="bankReference" label={t('wd.bankReference')}>
            <Input data-testid={`${testId}-reference`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export interface ResultValues {
  result: string;
  bankReference?: string;
  reason?: string;
  /** One bank reference per payout, by its id, when each was its own transfer ({@link ResultModal}'s `each`). */
  references?: Record<string, string | undefined>;
}

/**
 * 檢視並更新結果: success (bank reference) or failure (reason required). Nothing is chosen in advance: the operator
 * picks the result, so a careless Enter cannot mark a payout paid. Several direct payouts (`each`) were several bank
 * transfers: each gets its own reference field, since one reference given to all would pair only one of them with the
 * bank's line in reconciliation. A batch's items share the batch's one transfer, and one field.
 */
export function ResultModal({
  open,
  title,
  each,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  each?: { id: number; serial: string; currency: string; amount: string }[];
  onCancel: () => void;
  onSubmit: (v: ResultValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResultValues>();
  const result = Form.useWatch('result', form);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'wd-result-ok' }}
      destroyOnClose
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={onSubmit} data-testid="wd-result-form">
        <Form.Item name="result" label={t('wd.result')} rules={[{ required: true, message: t('wd.chooseResult') }]}>
          <Select
            data-testid="wd-result-select"
            placeholder={t('wd.chooseResult')}
            options={['SUCCESS', 'FAILED'].map((r) => ({ value: r, label: t(`wd.result.${r}`) }))}
          />
        </Form.Item>
        {each && each.length > 1 ? (
          each.map((w) => (
            <Form.Item key={w.id} name={['references', String(w.id)]} label={`${t('wd.bankReference')} · ${w.serial} · ${w.currency} ${w.amount}`}>
              <Input data-testid={`wd-result-reference-${w.serial}`} />
            </Form.Item>
          ))
        ) : (
          <Form.Item name="bankReference" label={t('wd.bankReference')}>
            <Input data-testid="wd-result-reference" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('wd.reason')}
          rules={[{ required: result === 'FAILED', whitespace: true, message: t('wd.reasonRequired') }]}
        >
          <Input.TextArea rows={2} data-testid="wd-result-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
