import { App, Descriptions, Form, Input, Modal, Select, Spin, type UploadFile } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balance, BankCard, Customer } from '../../../api/types';
import { Amount } from '../../../components/Amount';
import { useProblem } from '../../../components/useProblem';
import { changedProofIds, proofIdsOf } from '../proofs';
import { createManual, customerBalances, customerCards, CURRENCIES, getWithdrawal, proposeEdit, searchCustomers, type Withdrawal } from '../service';
import { proofFiles, ProofsFormItem } from './ProofUpload';

const DECIMAL = /^\d+(\.\d+)?$/;

interface ManualValues {
  customerId?: number;
  currency?: string;
  amount?: string;
  fee?: string;
  bankCardId?: number;
  remark?: string;
  proofIds?: UploadFile[];
}

function cardLabel(c: BankCard) {
  return `${c.bankName} ${c.accountNo} (${c.holderName}) ${c.currency ?? ''}${c.verified ? '' : ' ⚠'}`;
}

/** A card receives one currency: only the cards of the chosen currency can receive the payout. */
export function cardsFor(cards: BankCard[], currency: string | undefined): BankCard[] {
  return currency ? cards.filter((c) => c.currency === currency) : cards;
}

/**
 * Keeps the chosen card among the usable ones: a card of another currency is let go, and the only usable card is
 * chosen for the operator.
 */
function useUsableCard(form: ReturnType<typeof Form.useForm<ManualValues>>[0], usable: BankCard[], loaded: boolean) {
  const chosen = Form.useWatch('bankCardId', form);
  useEffect(() => {
    if (!loaded) return;
    if (chosen !== undefined && usable.some((c) => c.id === chosen)) return;
    const only = usable.length === 1 ? usable[0].id : undefined;
    if (chosen !== only) form.setFieldsValue({ bankCardId: only });
  }, [form, usable, chosen, loaded]);
}

/** 手工提現 (W-2): pick the customer, see the withdrawable balances, amount + fee + card + remark + proofs. */
export function ManualModal({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const [options, setOptions] = useState<Customer[]>([]);
  const [searching, setSearching] = useState(false);
  const [balances, setBalances] = useState<Balance[]>([]);
  const [cards, setCards] = useState<BankCard[]>();
  const [saving, setSaving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const customerId = Form.useWatch('customerId', form);
  const currency = Form.useWatch('currency', form);
  const usable = cardsFor(cards ?? [], currency);
  useUsableCard(form, usable, cards !== undefined);

  // the customer's balances and cards are read each time the modal opens (or the customer changes): a card added or
  // edited since the last opening is offered, a removed one is not
  const load = useCallback(
    async (id: number) => {
      try {
        const [b, c] = await Promise.all([customerBalances(id), customerCards(id)]);
        setBalances(b);
        setCards(c);
      } catch (e) {
        show(e);
      }
    },
    [show],
  );
  useEffect(() => {
    if (!open) {
      setBalances([]);
      setCards(undefined);
      return;
    }
    if (customerId) void load(customerId);
  }, [open, customerId, load]);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      setSearching(true);
      searchCustomers(q.trim())
        .then((p) => setOptions(p.items))
        .catch(show)
        .finally(() => setSearching(false));
    }, 250);
  };

  const pick = () => {
    form.setFieldsValue({ bankCardId: undefined });
    setBalances([]);
    setCards(undefined);
  };

  const finish = async (v: ManualValues) => {
    setSaving(true);
    try {
      const w = await createManual({ ...v, fee: v.fee?.trim() || '0', amount: v.amount?.trim(), proofIds: proofIdsOf(v.proofIds) });
      void message.success(t('wd.created', { serial: w.serial }));
      form.resetFields();
      onClose(true);
    } catch (e) {
      show(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('wd.manual')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'wd-manual-ok' }}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={finish} initialValues={{ currency: 'HKD', fee: '0' }}>
        <Form.Item name="customerId" label={t('wd.customer')} rules={[{ required: true, message: t('wd.required') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={search}
            onChange={pick}
            notFoundContent={searching ? <Spin size="small" /> : null}
            placeholder={t('wd.customerSearch')}
            options={options.map((c) => ({ value: c.id, label: `${c.customerNo} ${c.nameZh || c.nameEn} ${c.accountNo ?? ''}` }))}
            data-testid="wd-manual-customer"
          />
        </Form.Item>
        {balances.length > 0 && (
          <Descriptions size="small" column={3} bordered title={t('wd.withdrawable')} style={{ marginBottom: 16 }} data-testid="wd-manual-balances">
            {balances.map((b) => (
              <Descriptions.Item key={b.asset} label={b.asset}>
                <span data-testid={`wd-withdrawable-${b.asset}`}>
                  <Amount value={b.withdrawable} asset={b.asset} />
                </span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <Form.Item name="currency" label={t('wd.currency')} rules={[{ required: true, message: t('wd.required') }]}>
          <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} data-testid="wd-manual-currency" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('wd.amount')}
          rules={[{ required: true, message: t('wd.required') }, { pattern: DECIMAL, message: t('wd.badAmount') }]}
        >
          <Input inputMode="decimal" data-testid="wd-manual-amount" />
        </Form.Item>
        <Form.Item name="fee" label={t('wd.fee')} rules={[{ pattern: DECIMAL, message: t('wd.badAmount') }]}>
          <Input inputMode="decimal" data-testid="wd-manual-fee" />
        </Form.Item>
        <Form.Item
          name="bankCardId"
          label={t('wd.bankCard')}
          rules={[{ required: true, message: t('wd.required') }]}
          extra={cards && cards.length > 0 && usable.length === 0 ? t('wd.noCardForCurrency', { currency }) : undefined}
        >
          <Select options={usable.map((c) => ({ value: c.id, label: cardLabel(c) }))} data-testid="wd-manual-card" />
        </Form.Item>
        <Form.Item name="remark" label={t('wd.remark')}>
          <Input.TextArea rows={2} data-testid="wd-manual-remark" />
        </Form.Item>
        <ProofsFormItem testId="wd-manual-proofs" />
      </Form>
    </Modal>
  );
}

/** 修改 (W-6): the change opens a work order and applies only when approved. */
export function EditModal({ withdrawal, onClose }: { withdrawal?: Withdrawal; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const [cards, setCards] = useState<BankCard[]>([]);
  const [currentProofs, setCurrentProofs] = useState<number[]>([]);
  useEffect(() => {
    if (!withdrawal) return;
    form.setFieldsValue({
      amount: withdrawal.amount,
      fee: withdrawal.fee,
      bankCardId: withdrawal.bankCard.id,
      remark: withdrawal.remark ?? undefined,
      proofIds: [],
    });
    customerCards(withdrawal.customerId).then(setCards).catch(show);
    getWithdrawal(withdrawal.id)
      .then((d) => {
        setCurrentProofs(d.proofs.map((p) => p.id));
        form.setFieldsValue({ proofIds: proofFiles(withdrawal.id, d.proofs) });
      })
      .catch(show);
  }, [withdrawal, form, show]);
  const finish = async (v: ManualValues) => {
    if (!withdrawal) return;
    try {
      const wo = await proposeEdit(withdrawal.id, {
        amount: v.amount,
        fee: v.fee,
        bankCardId: v.bankCardId,
        remark: v.remark,
        proofIds: changedProofIds(currentProofs, proofIdsOf(v.proofIds)),
      });
      void message.success(t('wd.workOrderOpened', { id: wo.id }));
      onClose(true);
    } catch (e) {
      show(e, form);
    }
  };
  return (
    <Modal
      open={!!withdrawal}
      title={`${t('action.edit')} ${withdrawal?.serial ?? ''}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'wd-edit-ok' }}
    >
      <p>{t('wd.editNeedsApproval')}</p>
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item name="amount" label={t('wd.amount')} rules={[{ required: true, message: t('wd.required') }, { pattern: DECIMAL, message: t('wd.badAmount') }]}>
          <Input inputMode="decimal" data-testid="wd-edit-amount" />
        </Form.Item>
        <Form.Item name="fee" label={t('wd.fee')} rules={[{ pattern: DECIMAL, message: t('wd.badAmount') }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="bankCardId" label={t('wd.bankCard')}>
          <Select options={cardsFor(cards, withdrawal?.currency).map((c) => ({ value: c.id, label: cardLabel(c) }))} />
        </Form.Item>
        <Form.Item name="remark" label={t('wd.remark')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <ProofsFormItem testId="wd-edit-proofs" />
      </Form>
    </Modal>
  );
}
