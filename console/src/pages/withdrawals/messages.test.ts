import { describe, expect, it } from 'vitest';
import { WITHDRAWAL_COLORS } from './components/common';
import { WITHDRAWAL_MESSAGES } from './messages';
import { ABNORMAL_ACTIONS, BATCH_STATUSES, CHANNELS, PAYOUT_MODES, PAYOUT_STATUSES, RECONCILIATION_RESULTS, WITHDRAWAL_STATUSES } from './service';

describe('withdrawal labels', () => {
  it('labels every state, channel, action, indicator and payout order in every language, with one colour per state', () => {
    const keys = [
      ...WITHDRAWAL_STATUSES.map((s) => `wd.status.${s}`),
      ...BATCH_STATUSES.map((s) => `wd.batchStatus.${s}`),
      ...PAYOUT_MODES.map((m) => `wd.payoutMode.${m}`),
      ...PAYOUT_STATUSES.map((s) => `wd.payoutStatus.${s}`),
      ...CHANNELS.map((c) => `wd.channel.${c}`),
      ...ABNORMAL_ACTIONS.flatMap((a) => [`wd.abnormal.${a}`, `wd.abnormalHelp.${a}`]),
      ...['PENDING', 'DIRECT_PENDING_APPROVAL', 'DIRECT_PROCESSING', 'BATCH_PENDING_APPROVAL', 'BATCH_PROCESSING', 'RESULT_PENDING_REVIEW', 'ABNORMAL', 'COMPLETED_TODAY'].map(
        (c) => `wd.indicator.${c}`,
      ),
      ...['SUCCESS', 'FAILED'].map((r) => `wd.result.${r}`),
      ...['csv', 'xlsx', 'pain001'].map((f) => `wd.format.${f}`),
      ...RECONCILIATION_RESULTS.map((r) => `wd.recon.${r}`),
      ...['wd.proofs', ...['choose', 'hint', 'empty', 'tooLarge', 'badType', 'none', 'download', 'proposed'].map((k) => `wd.proof.${k}`)],
    ];
    for (const [lang, messages] of Object.entries(WITHDRAWAL_MESSAGES)) {
      expect({ lang, missing: keys.filter((k) => !(k in messages)) }).toEqual({ lang, missing: [] });
    }
    expect(WITHDRAWAL_STATUSES.filter((s) => !WITHDRAWAL_COLORS[s])).toEqual([]);
  });
});
