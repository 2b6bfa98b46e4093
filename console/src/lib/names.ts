/**
 * The names of the codes the server sends as they are — work-order types — in the operator's language. A code the
 * console does not know yet (a type added on the server later) is shown as the code itself, never as nothing.
 * names.test.ts compares these lists with what the server registers.
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
] as const;

/** 工單類型: e.g. WITHDRAWAL_DIRECT_PAYOUT → 直接出帳. */
export function workOrderTypeName(t: Translate, code: string): string {
  return t(`woType.${code}`, { defaultValue: code });
}
