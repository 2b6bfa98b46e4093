import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { type Translate, WORK_ORDER_TYPES, workOrderTypeName } from './names';

/** The server's Java sources (the console lives in the same repository). */
const JAVA = join(__dirname, '../../../src/main/java');

function javaFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return javaFiles(path);
    return name.endsWith('.java') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** A string argument as written in Java: a literal, or a constant of the same file. */
function resolve(arg: string, text: string, path: string): string {
  const literal = /^"([^"]*)"$/.exec(arg);
  if (literal) return literal[1];
  const constant = new RegExp(`String\\s+${arg}\\s*=\\s*"([^"]+)"`).exec(text);
  if (!constant) throw new Error(`${path}: cannot read the value of ${arg}`);
  return constant[1];
}

/** Every work-order type the server declares: the first argument of each WorkOrderType.of(...). */
function serverWorkOrderTypes(): string[] {
  const types = javaFiles(JAVA).flatMap(({ path, text }) =>
    [...text.matchAll(/WorkOrderType\.of\(\s*([\w.]+|"[^"]*")\s*,/g)].map((m) => resolve(m[1].split('.').at(-1)!, text, path)),
  );
  return [...new Set(types)].sort();
}

/** i18next's lookup, enough for these names: the text of the key in one language, else the default value. */
function translator(messages: Record<string, string>): Translate {
  return (key, options) => {
    const text = messages[key] ?? (options?.defaultValue as string | undefined) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  };
}

describe('work-order type names', () => {
  it('know every type the server declares', () => {
    const server = serverWorkOrderTypes();
    expect(server.length).toBeGreaterThanOrEqual(6);
    expect([...WORK_ORDER_TYPES].sort()).toEqual(server);
  });

  it('name every type in every language, in words rather than the code', () => {
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      const t = translator(messages);
      const unnamed = WORK_ORDER_TYPES.filter((code) => workOrderTypeName(t, code) === code);
      expect({ lang, unnamed }).toEqual({ lang, unnamed: [] });
    }
    expect(workOrderTypeName(translator(MESSAGES['zh-Hant']), 'WITHDRAWAL_DIRECT_PAYOUT')).toBe('直接出帳');
  });

  it('show a type the console does not know yet as its code', () => {
    expect(workOrderTypeName(translator(MESSAGES['zh-Hant']), 'DEPOSIT_DIRECT')).toBe('DEPOSIT_DIRECT');
  });
});
