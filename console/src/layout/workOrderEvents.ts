/** Pages that change work orders tell the menu to refresh its counts. */
const EVENT = 'wbo:work-orders-changed';

export function workOrdersChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onWorkOrdersChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
