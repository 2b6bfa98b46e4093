import type { TFunction } from 'i18next';
import type { VerifyResult } from '../../api/types';

/** What a verification found: the audit entries and the ledger transfers checked, or where a chain breaks. */
export function verifyMessage(verify: VerifyResult, t: TFunction): string {
  const transfers = verify.records?.find((r) => r.records === 'ledger transfers');
  if (verify.ok) {
    const ok = t('audit.verifyOk', { checked: verify.checked, transfers: transfers?.checked ?? 0 });
    return transfers?.pending ? `${ok} ${t('audit.verifyPending', { count: transfers.pending })}` : ok;
  }
  if (verify.firstBrokenId == null && transfers?.reason) {
    return t('audit.verifyLedgerBroken', { id: transfers.firstBrokenId ?? '-' });
  }
  return t('audit.verifyBroken', { id: verify.firstBrokenId ?? '-' });
}
