/** A translation function as i18next's `t`: key, then default value and values to put in. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const ABNORMAL = /^ABNORMAL_(REPAY|RESUBMIT|TO_FAILURE|TO_SUCCESS)(?:_(PROPOSED|APPROVED|REJECTED|CANCELLED))?$/;
const WORK_ORDER_DECIDED = /^(EDIT|BATCH|RESULTS|DIRECT_PAYOUT)_(REJECTED|CANCELLED)$/;
/** The key of "<what> <decision>" by what the refused work order was about. */
const DECIDED_KEYS: Record<string, string> = {
  EDIT: 'wd.history.editDecided',
  BATCH: 'wd.history.batchDecided',
  RESULTS: 'wd.history.resultsDecided',
  DIRECT_PAYOUT: 'wd.history.directPayoutDecided',
};

/**
 * The text of a history entry's action. Most actions have their own key (wd.action.*); those the server composes —
 * an abnormal action and what became of it, a reconciliation result, a refused edit, batch, direct payout or result review — are put together from
 * the keys of their parts, so no raw code reaches the operator.
 */
export function historyActionText(action: string, t: Translate): string {
  const own = t(`wd.action.${action}`, { defaultValue: '' });
  if (own) return own;
  const abnormal = ABNORMAL.exec(action);
  if (abnormal) {
    const what = t(`wd.abnormal.${abnormal[1]}`, { defaultValue: abnormal[1] });
    if (!abnormal[2]) return t('wd.history.abnormalDone', { action: what });
    if (abnormal[2] === 'PROPOSED') return t('wd.history.abnormalProposed', { action: what });
    return t('wd.history.abnormalDecided', { action: what, decision: t(`state.workOrder.${abnormal[2]}`, { defaultValue: abnormal[2] }) });
  }
  if (action.startsWith('RECONCILED_')) {
    const result = action.slice('RECONCILED_'.length);
    return t('wd.history.reconciled', { result: t(`wd.recon.${result}`, { defaultValue: result }) });
  }
  const decided = WORK_ORDER_DECIDED.exec(action);
  if (decided) {
    return t(DECIDED_KEYS[decided[1]], {
      decision: t(`state.workOrder.${decided[2]}`, { defaultValue: decided[2] }),
    });
  }
  return action;
}
