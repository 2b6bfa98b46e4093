import { signal } from '../lib/signal';

/** Pages that change work orders tell the menu to refresh its counts. */
const changed = signal('wbo:work-orders-changed');

export const workOrdersChanged = changed.announce;
export const onWorkOrdersChanged = changed.listen;
