import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../i18n/messages';
import { verifyMessage } from './verify';

const ledger = (checked: number, pending: number, reason: string | null = null, firstBrokenId: number | null = null) => ({
  records: 'ledger transfers',
  checked,
  pending,
  reason,
  firstBrokenId,
});

describe('verifyMessage', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: Object.fromEntries(Object.entries(MESSAGES).map(([lang, m]) => [lang, { translation: m }])),
    });
  });

  it('counts the entries and transfers checked, and the transfers not sealed yet', () => {
    const t = i18next.getFixedT('en');
    expect(verifyMessage({ ok: true, checked: 17, records: [ledger(51, 0)] }, t)).toBe(
      'The audit chains are intact: 17 entries and 51 ledger transfers checked.',
    );
    expect(verifyMessage({ ok: true, checked: 17, records: [ledger(51, 3)] }, t)).toContain(
      '3 transfers posted in the last moments are not sealed yet',
    );
    expect(verifyMessage({ ok: true, checked: 17, records: [ledger(51, 3)] }, i18next.getFixedT('zh-Hant'))).toContain('另有 3 筆');
  });

  it('names where a chain breaks', () => {
    const t = i18next.getFixedT('en');
    expect(verifyMessage({ ok: false, checked: 17, records: [ledger(51, 0, 'altered', 42)] }, t)).toContain('#42');
    expect(verifyMessage({ ok: false, checked: 17, firstBrokenId: 7, records: [ledger(51, 0)] }, t)).toContain('#7');
  });
});
