import { describe, expect, it } from 'vitest';
import { RESULTS } from '../reconciliation/service';
import { STATEMENT_STATE_COLORS } from './components/badges';
import STATEMENT_MESSAGES from './messages';
import { FORMATS, LINE_STATUSES } from './service';
import { AMOUNT_MODES, TEMPLATE_FIELDS } from './templates';

describe('statement messages', () => {
  it('have the same keys in every language, none empty', () => {
    const reference = Object.keys(STATEMENT_MESSAGES.en).sort();
    for (const [lang, messages] of Object.entries(STATEMENT_MESSAGES)) {
      expect({ lang, keys: Object.keys(messages).sort() }).toEqual({ lang, keys: reference });
      expect({ lang, empty: Object.entries(messages).filter(([, v]) => !v.trim()).map(([k]) => k) }).toEqual({ lang, empty: [] });
    }
  });

  it('label every state, format, amount mode and template field', () => {
    const dynamic = [
      ...Object.entries(STATEMENT_STATE_COLORS).flatMap(([kind, colors]) => Object.keys(colors).map((v) => `state.${kind}.${v}`)),
      ...LINE_STATUSES.map((s) => `state.line.${s}`),
      ...RESULTS.map((r) => `state.recon.${r}`),
      ...FORMATS.map((f) => `st.format.${f}`),
      ...AMOUNT_MODES.map((m) => `tp.amountModeName.${m}`),
      ...TEMPLATE_FIELDS.map((f) => `tp.field.${f}`),
      ...['delete', 'flip', 'reject'].flatMap((k) => [`st.confirm.${k}`, `st.confirm.${k}Text`]),
      'st.confirm.flipTextIn',
    ];
    for (const [lang, messages] of Object.entries(STATEMENT_MESSAGES)) {
      expect({ lang, missing: dynamic.filter((k) => !(k in messages)) }).toEqual({ lang, missing: [] });
    }
  });
});
