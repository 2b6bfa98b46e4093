import { describe, expect, it } from 'vitest';
import { actorText } from './actor';

const zh: Record<string, string> = { 'actorKind.OPERATOR': '操作員', 'actorKind.SYSTEM': '系統', 'actorKind.CUSTOMER': '客戶' };
const t = (key: string, options?: { defaultValue: string }) => zh[key] ?? options?.defaultValue ?? key;

describe('actorText', () => {
  it('says the name and the kind in the operator\'s words', () => {
    expect(actorText('OPERATOR:12:maker', t)).toBe('maker (操作員)');
    expect(actorText('SYSTEM:0:demo-seed', t)).toBe('demo-seed (系統)');
  });

  it('keeps a name with colons whole, and names a nameless actor by id', () => {
    expect(actorText('CUSTOMER:42:CHAN:TAI MAN', t)).toBe('CHAN:TAI MAN (客戶)');
    expect(actorText('CUSTOMER:42:-', t)).toBe('#42 (客戶)');
  });

  it('shows anything else as it is', () => {
    expect(actorText(null, t)).toBe('-');
    expect(actorText('bench', t)).toBe('bench');
    expect(actorText('ROBOT:1:x', t)).toBe('ROBOT:1:x');
  });
});
