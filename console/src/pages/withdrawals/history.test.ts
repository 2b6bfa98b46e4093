import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES } from '../../i18n/messages';
import { historyActionText, type Translate } from './history';
import { RECONCILIATION_RESULTS } from './service';

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

describe('every history entry the server writes', () => {
  const decided = ['APPROVED', 'REJECTED', 'CANCELLED'];
  const abnormal = ['TO_SUCCESS', 'TO_FAILURE', 'REPAY', 'RESUBMIT'];
  // the actions of WithdrawalService, PayoutBatchService, ChequeService and WithdrawalReconciliation, as they write them
  const actions = [
    'CREATED', 'RISK_PASSED', 'RISK_FAILED', 'REJECTED', 'DELETED', 'SUBMITTED',
    'EDIT_PROPOSED', 'EDIT_APPLIED', 'EDIT_REJECTED', 'EDIT_CANCELLED',
    'DIRECT_PAYOUT_REQUESTED', 'DIRECT_PAYOUT_APPROVED', 'DIRECT_PAYOUT_REJECTED', 'DIRECT_PAYOUT_CANCELLED',
    'PAYOUT_SUCCEEDED', 'PAYOUT_FAILED', 'COMPLETED',
    'PACKED', 'REMOVED_FROM_BATCH', 'BATCH_SUBMITTED', 'BATCH_APPROVED', 'BATCH_REJECTED', 'BATCH_CANCELLED',
    'RESULT_SUCCESS', 'RESULT_FAILED', 'RESULTS_ENTERED', 'RESULTS_REJECTED', 'RESULTS_CANCELLED',
    ...abnormal.flatMap((a) => [`ABNORMAL_${a}_PROPOSED`, `ABNORMAL_${a}`, ...decided.slice(1).map((d) => `ABNORMAL_${a}_${d}`)]),
    'CHEQUE_PRINTED', 'CHEQUE_REPRINTED', 'BANK_LINE_TAGGED', 'BANK_LINE_TAG_REJECTED',
    ...RECONCILIATION_RESULTS.map((r) => `RECONCILED_${r}`),
  ];

  it.each(LANGUAGES)('is told in words in %s, never as its code', (language) => {
    const messages = MESSAGES[language];
    const say: Translate = (key, options) => {
      const text = messages[key] ?? (options?.defaultValue as string | undefined) ?? key;
      return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
    };
    const raw = actions.filter((a) => /^[A-Z_]+$|[A-Z]+_[A-Z]+/.test(historyActionText(a, say)));
    expect(raw).toEqual([]);
  });
});
