import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU, type MenuNode } from '../menu';
import { MESSAGES } from './messages';

const LANGS: Record<string, Record<string, string>> = MESSAGES;
const en = MESSAGES.en;
const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every literal key passed to t(...) in the console's source. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) keys.add(m[1]);
  }
  return [...keys];
}

function menuLabels(nodes: MenuNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...(n.children ? menuLabels(n.children) : [])]);
}

describe('i18n', () => {
  it('has the same keys in every language', () => {
    const reference = Object.keys(en).sort();
    for (const [lang, messages] of Object.entries(LANGS)) {
      const keys = Object.keys(messages).sort();
      const missing = reference.filter((k) => !(k in messages));
      const extra = keys.filter((k) => !(k in en));
      expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('has no empty text', () => {
    for (const [lang, messages] of Object.entries(LANGS)) {
      const empty = Object.entries(messages).filter(([, v]) => !v.trim()).map(([k]) => k);
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });

  it('has every key the source uses, in every language', () => {
    const used = [...usedKeys(), ...menuLabels(MENU)];
    expect(used.length).toBeGreaterThan(100);
    for (const [lang, messages] of Object.entries(LANGS)) {
      const missing = used.filter((k) => !(k in messages));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('labels every state, permission and language', () => {
    const dynamic = [
      ...['OPENING', 'OPENED', 'REJECTED', 'CLOSED'].map((s) => `state.opening.${s}`),
      ...['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'].map((s) => `state.workOrder.${s}`),
      ...['zh-Hant', 'zh-Hans', 'en'].map((l) => `language.${l}`),
    ];
    const permissions = readFileSync(join(SRC, 'api/schema.d.ts'), 'utf8').match(/permissions\?: \(([^)]*)\)\[\]/)![1];
    for (const p of permissions.matchAll(/"([A-Z_]+)"/g)) dynamic.push(`perm.${p[1]}`);
    expect(dynamic.length).toBeGreaterThan(20);
    for (const [lang, messages] of Object.entries(LANGS)) {
      const missing = dynamic.filter((k) => !(k in messages));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('keeps interpolation placeholders the same in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) {
      for (const [lang, messages] of Object.entries(LANGS)) {
        expect({ key, lang, p: placeholders(messages[key] ?? '') }).toEqual({ key, lang, p: placeholders(en[key]) });
      }
    }
  });
});
