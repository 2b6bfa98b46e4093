import type { Indicator, WithdrawalFilter } from './service';

/** Before the cards have loaded, the processing list shows the first card's work: the pending applications. */
const PENDING = ['SUBMITTED', 'IN_BATCH'];

/**
 * The list filter of an indicator card (W-11): its states and, for 今日完成, the instant the server counted from, so
 * the list shows what the card counted rather than every completion ever.
 */
export function indicatorFilter(card: Indicator | undefined): WithdrawalFilter {
  const status = (card?.statuses ?? PENDING).join(',');
  return card?.completedFrom ? { status, completedFrom: card.completedFrom } : { status };
}
