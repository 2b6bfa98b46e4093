/**
 * The names of the codes the server sends as they are — work-order types, the fields of a change (a work order's
 * proposed change, an audit entry's before/after) and the coded values in them, audit actions and the record types
 * of audit entries and work-order subjects — in the operator's language. A code
 * the console does not know yet (added on the server later) is shown as the code itself, never as nothing.
 * names.test.ts compares these with what the server's sources write.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Every work-order type the server declares (a `WorkOrderType` bean of the module that owns the subject). */
export const WORK_ORDER_TYPES = [
  'BANK_CARD_CHANGE',
  'WITHDRAWAL_EDIT',
  'WITHDRAWAL_DIRECT_PAYOUT',
  'WITHDRAWAL_BATCH_PAYOUT',
  'WITHDRAWAL_BATCH_RESULT',
  'WITHDRAWAL_ABNORMAL',
  'LEDGER_ADJUSTMENT',
] as const;

/** 工單類型: e.g. WITHDRAWAL_DIRECT_PAYOUT → 直接出帳. */
export function workOrderTypeName(t: Translate, code: string): string {
  return t(`woType.${code}`, { defaultValue: code });
}

/** 審計動作: e.g. OPERATOR_LOGIN → 操作員登入. */
export function auditActionName(t: Translate, code: string): string {
  return t(`audit.action.${code}`, { defaultValue: code });
}

/** A record type of an audit entry or a work order's subject: e.g. CompanyAccount → 公司銀行帳戶. */
export function entityTypeName(t: Translate, type: string): string {
  return t(`entity.${type}`, { defaultValue: type });
}

/** A record by type and id, e.g. Operator 1 → 操作員 #1. */
export function entityName(t: Translate, type: string, id: string): string {
  return `${entityTypeName(t, type)} #${id}`;
}

/**
 * Fields whose page already names them: the same words there and in a change. Every other field is `field.<name>`.
 */
const FIELD_KEYS: Record<string, string> = {
  serial: 'wd.serial',
  source: 'wd.source',
  fee: 'wd.fee',
  payee: 'wd.payee',
  payingAccount: 'wd.payingAccount',
  channel: 'wd.channel',
  bankReference: 'wd.bankReference',
  batch: 'wd.batch',
  items: 'wd.items',
  action: 'wd.abnormalAction',
  failureReason: 'wd.failureReason',
  reason: 'wd.reason',
  result: 'wd.result',
  reconciliation: 'wd.reconciliation',
  chequeNumber: 'wd.chequeNumber',
  maxWithdrawals24h: 'risk.maxWithdrawals24h',
  limits: 'risk.limits',
  blacklistedAccounts: 'risk.blacklistedAccounts',
  disabledRules: 'risk.disabledRules',
};

/** A changed field's name, e.g. payingAccount → 付款公司帳戶, "total HKD" → 合計 HKD, bankCard[7].accountNo → 銀行卡 #7 · 帳號. */
export function fieldName(t: Translate, field: string): string {
  const nested = /^(\w+)\[(\w+)\]\.(\w+)$/.exec(field);
  if (nested) return `${fieldName(t, nested[1])} #${nested[2]} · ${fieldName(t, nested[3])}`;
  const total = /^total (\S+)$/.exec(field);
  if (total) return t('field.totalOf', { currency: total[1] });
  return t(FIELD_KEYS[field] ?? `field.${field}`, { defaultValue: field });
}

/**
 * The names of coded values, by field: the prefix of their i18n keys. A state is named by the kind of record it is
 * the state of (the work order's subject type, the audit entry's entity type).
 */
const VALUE_KEYS: Record<string, string | Record<string, string>> = {
  channel: 'wd.channel',
  source: 'wd.source',
  action: 'wd.abnormal',
  reconciliation: 'wd.recon',
  openingStatus: 'state.opening',
  direction: 'state.direction',
  operation: 'ledger.kind',
  type: { WorkOrder: 'woType' },
  format: { StatementImport: 'st.format' },
  result: { Withdrawal: 'wd.result', ReconciliationFollowUp: 'state.recon' },
  status: {
    Withdrawal: 'wd.status',
    PayoutBatch: 'wd.batchStatus',
    WorkOrder: 'state.workOrder',
    StatementLine: 'state.line',
    ReconciliationFollowUp: 'state.followUp',
  },
};

/** Fields that hold a comma-separated list of permission codes. */
const PERMISSION_LISTS = new Set(['permissions', 'levels']);

/** A changed value as the operator reads it: a known code by its name, yes/no for a flag, anything else as it is. */
export function valueName(t: Translate, field: string, value: string, entityType?: string): string {
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
  const name = field.replace(/^\w+\[\w+\]\./, '');
  if (PERMISSION_LISTS.has(name)) {
    return value
      .split(',')
      .map((p) => t(`perm.${p}`, { defaultValue: p }))
      .join(', ');
  }
  if (name === 'subject' && entityType === 'WorkOrder') {
    // a work order's subject as the server writes it: its record type, a space, its label
    const space = value.indexOf(' ');
    if (space > 0) return `${entityTypeName(t, value.slice(0, space))} ${value.slice(space + 1)}`;
  }
  const keys = VALUE_KEYS[name];
  const prefix = typeof keys === 'string' ? keys : keys && entityType ? keys[entityType] : undefined;
  return prefix ? t(`${prefix}.${value}`, { defaultValue: value }) : value;
}
