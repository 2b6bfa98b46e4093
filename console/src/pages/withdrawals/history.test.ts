import { describe, expect, it } from 'vitest';
import { historyActionText, type Translate } from './history';

const keys: Record<string, string> = {
  'wd.action.CREATED': '建立',
  'wd.abnormal.REPAY': '再付款',
  'state.workOrder.APPROVED': '已通過',
  'state.workOrder.REJECTED': '已駁回',
  'wd.recon.AMOUNT_MISMATCH': '金額不符',
  'wd.history.abnormalProposed': '提出異常處理：{{action}}',
  'wd.history.abnormalDecided': '異常處理「{{action}}」{{decision}}',
  'wd.history.abnormalDone': '異常處理已執行：{{action}}',
  'wd.history.reconciled': '對帳：{{result}}',
  'wd.history.editDecided': '修改{{decision}}',
};
const t: Translate = (key, options) => {
  const text = keys[key] ?? (options?.defaultValue as string | undefined) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
};

describe('history action text', () => {
  it('uses the action’s own key when it has one', () => {
    expect(historyActionText('CREATED', t)).toBe('建立');
  });

  it('puts composed actions together from their parts', () => {
    expect(historyActionText('ABNORMAL_REPAY_PROPOSED', t)).toBe('提出異常處理：再付款');
    expect(historyActionText('ABNORMAL_REPAY_APPROVED', t)).toBe('異常處理「再付款」已通過');
    expect(historyActionText('ABNORMAL_REPAY', t)).toBe('異常處理已執行：再付款');
    expect(historyActionText('RECONCILED_AMOUNT_MISMATCH', t)).toBe('對帳：金額不符');
    expect(historyActionText('EDIT_REJECTED', t)).toBe('修改已駁回');
  });

  it('shows an unknown action as it is', () => {
    expect(historyActionText('SOMETHING_NEW', t)).toBe('SOMETHING_NEW');
  });
});
