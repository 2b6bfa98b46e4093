import { describe, expect, it } from 'vitest';
import { indicatorFilter } from './indicators';

describe('indicator card filter', () => {
  it('lists the card’s states, the pending ones before the cards arrive', () => {
    expect(indicatorFilter({ category: 'ABNORMAL', statuses: ['ABNORMAL', 'ABNORMAL_PENDING_REVIEW'], count: 2 })).toEqual({
      status: 'ABNORMAL,ABNORMAL_PENDING_REVIEW',
    });
    expect(indicatorFilter(undefined)).toEqual({ status: 'SUBMITTED,IN_BATCH' });
  });

  it('shows only what completed today when the completed-today card is chosen', () => {
    const card = { category: 'COMPLETED_TODAY', statuses: ['COMPLETED' as const], count: 3, completedFrom: '2026-12-04T16:00:00Z' };
    expect(indicatorFilter(card)).toEqual({ status: 'COMPLETED', completedFrom: '2026-12-04T16:00:00Z' });
  });
});
