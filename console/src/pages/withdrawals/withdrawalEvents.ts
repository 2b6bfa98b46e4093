/**
 * A drawer opened from a link (a work order's subject: ?batch=id) sits above whichever tab is shown, not inside it:
 * what it changes is announced, and the tab's lists reload, as they do after a change made from the tab itself.
 */
const EVENT = 'wbo:withdrawals-changed';

export function withdrawalsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onWithdrawalsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
