import { signal } from '../../lib/signal';

/**
 * A drawer opened from a link (a work order's subject: ?batch=id) sits above whichever tab is shown, not inside it:
 * what it changes is announced, and the tab's lists reload, as they do after a change made from the tab itself.
 */
const changed = signal('wbo:withdrawals-changed');

export const withdrawalsChanged = changed.announce;
export const onWithdrawalsChanged = changed.listen;
