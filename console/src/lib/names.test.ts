import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { fieldName, type Translate, valueName, WORK_ORDER_TYPES, workOrderTypeName } from './names';

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

/** Every field name the server writes whole in a FieldChange: FieldChange.set / of("name", ...), Diff.field("name", ...). */
function serverFieldNames(): string[] {
  const names = javaFiles(JAVA).flatMap(({ text }) =>
    [...text.matchAll(/(?:FieldChange\.(?:set|of)|\.field)\(\s*"([^"]+)"\s*,/g)].map((m) => m[1]),
  );
  return [...new Set(names)].sort();
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

describe('names in a change', () => {
  const zhHant = translator(MESSAGES['zh-Hant']);

  it('name every field the server writes, in every language', () => {
    const fields = serverFieldNames();
    expect(fields).toEqual(expect.arrayContaining(['customer', 'payee', 'payingAccount', 'amount', 'status', 'channel']));
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      const t = translator(messages);
      const unnamed = fields.filter((f) => fieldName(t, f) === f);
      expect({ lang, unnamed }).toEqual({ lang, unnamed: [] });
    }
  });

  it('name the fields the server puts together: a total per currency, a field of one bank card', () => {
    expect(fieldName(zhHant, 'total HKD')).toBe('合計 HKD');
    expect(fieldName(zhHant, 'bankCard[7].accountNo')).toBe('銀行卡 #7 · 賬號');
    expect(fieldName(translator(MESSAGES.en), 'payingAccount')).toBe('Paying company account');
    expect(fieldName(zhHant, 'somethingNew')).toBe('somethingNew');
  });

  it('name coded values with the words the pages use, a state by whose state it is', () => {
    expect(valueName(zhHant, 'channel', 'FPS')).toBe('轉數快 FPS');
    expect(valueName(zhHant, 'action', 'REPAY', 'Withdrawal')).toBe('再付款');
    expect(valueName(zhHant, 'status', 'SUBMITTED', 'Withdrawal')).toBe('待處理');
    expect(valueName(zhHant, 'status', 'DRAFT', 'PayoutBatch')).toBe('待提交');
    expect(valueName(zhHant, 'status', 'APPROVED', 'WorkOrder')).toBe('已通過');
    expect(valueName(zhHant, 'type', 'WITHDRAWAL_ABNORMAL', 'WorkOrder')).toBe('異常出金處理');
    expect(valueName(zhHant, 'openingStatus', 'OPENED', 'Customer')).toBe('已開戶');
    expect(valueName(zhHant, 'levels', 'WORK_ORDER_APPROVE,SYSTEM_ADMIN', 'ApprovalPolicy')).toBe('工單審批, 系統管理');
    expect(valueName(zhHant, 'enabled', 'false', 'Operator')).toBe('否');
  });

  it('leave other values as they are: amounts, names, currencies, codes without a name', () => {
    expect(valueName(zhHant, 'amount', '1000.00 HKD', 'Withdrawal')).toBe('1000.00 HKD');
    expect(valueName(zhHant, 'payee', 'CHAN TAI MAN HSBC 004-1234', 'Withdrawal')).toBe('CHAN TAI MAN HSBC 004-1234');
    expect(valueName(zhHant, 'currency', 'USD', 'BankCard')).toBe('USD');
    expect(valueName(zhHant, 'channel', 'SWIFT_GPI')).toBe('SWIFT_GPI');
    expect(valueName(zhHant, 'status', 'PENDING', 'SomethingNew')).toBe('PENDING');
  });
});
