import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES, BATCH_STATUSES_WITH_FILE, hasDirectPayoutFile } from './service';

describe('payout files (W-10)', () => {
  it('are offered for a batch only once its payout is approved', () => {
    expect(BATCH_STATUSES.filter((s) => BATCH_STATUSES_WITH_FILE.includes(s))).toEqual(['PROCESSING', 'RESULT_PENDING_REVIEW', 'COMPLETED']);
    expect(BATCH_STATUSES_WITH_FILE).not.toContain('DRAFT');
    expect(BATCH_STATUSES_WITH_FILE).not.toContain('PENDING_APPROVAL');
  });

  it('are offered for a direct payout once its order is approved, and not for a batch item', () => {
    expect(hasDirectPayoutFile({ payoutId: 5, status: 'DIRECT_PENDING_APPROVAL' })).toBe(false);
    expect(hasDirectPayoutFile({ payoutId: 5, status: 'DIRECT_PROCESSING' })).toBe(true);
    expect(hasDirectPayoutFile({ payoutId: 5, status: 'COMPLETED' })).toBe(true);
    expect(hasDirectPayoutFile({ status: 'SUBMITTED' })).toBe(false);
    expect(hasDirectPayoutFile({ payoutId: 5, batchId: 2, status: 'BATCH_PROCESSING' })).toBe(false);
  });
});
