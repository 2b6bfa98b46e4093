/**
 * Where a work order's subject is shown in the console, so the list and the detail can link to it: a withdrawal opens
 * in its drawer on 出金記錄, a payout batch (the batch payout and its results review) in its drawer on 提現處理, a
 * customer on the customer page. A subject without a page of its own (a bank card) has no link.
 */
export function subjectPath(subjectType: string, subjectId: string): string | undefined {
  if (!/^\d+$/.test(subjectId)) return undefined;
  switch (subjectType) {
    case 'Withdrawal':
      return `/withdrawals?tab=records&withdrawal=${subjectId}`;
    case 'PayoutBatch':
      return `/withdrawals?tab=processing&batch=${subjectId}`;
    case 'Customer':
      return `/customers/${subjectId}`;
    default:
      return undefined;
  }
}
