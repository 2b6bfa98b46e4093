import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { auditActionName, entityName, entityTypeName, fieldName, type Translate, valueName, WORK_ORDER_TYPES, workOrderTypeName } from './names';

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

/** The top-level arguments of a Java call whose argument list starts at `start` (just after its opening parenthesis). */
function callArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && '([{'.includes(c)) depth++;
    if (!quoted && ')]}'.includes(c)) {
      if (depth === 0) return [...args, current.trim()].map((a) => a.replace(/\s+/g, ' '));
      depth--;
    }
    if (!quoted && c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += c;
  }
  throw new Error('unclosed call');
}

/**
 * The values of the audit actions the server computes ("WITHDRAWAL_ABNORMAL_" + action.name()), by file and
 * expression: a work order's final status, an abnormal action, ... A new computed action fails the test until added.
 */
const COMPUTED_ACTIONS: Record<string, string[]> = {
  'WorkOrders.java: "WORK_ORDER_" + status.name()': ['APPROVED', 'REJECTED', 'CANCELLED'].map((s) => `WORK_ORDER_${s}`),
  'WithdrawalService.java: "WITHDRAWAL_" + action': [
    'WITHDRAWAL_REJECTED', 'WITHDRAWAL_DELETED',
    ...['APPROVED', 'REJECTED', 'CANCELLED'].map((s) => `WITHDRAWAL_DIRECT_PAYOUT_${s}`),
  ],
  'WithdrawalService.java: "WITHDRAWAL_EDIT_" + d.status().name()': ['WITHDRAWAL_EDIT_REJECTED', 'WITHDRAWAL_EDIT_CANCELLED'],
  'WithdrawalService.java: "WITHDRAWAL_ABNORMAL_" + d.status().name()': ['WITHDRAWAL_ABNORMAL_REJECTED', 'WITHDRAWAL_ABNORMAL_CANCELLED'],
  'WithdrawalService.java: "WITHDRAWAL_ABNORMAL_" + action.name()': ['TO_SUCCESS', 'TO_FAILURE', 'REPAY', 'RESUBMIT'].map((a) => `WITHDRAWAL_ABNORMAL_${a}`),
  'PayoutBatchService.java: "PAYOUT_BATCH_" + (d.approved() ? "APPROVED" : d.status().name())': ['APPROVED', 'REJECTED', 'CANCELLED'].map((s) => `PAYOUT_BATCH_${s}`),
  'PayoutBatchService.java: "WITHDRAWAL_BATCH_" + (d.approved() ? "APPROVED" : "REFUSED")': ['WITHDRAWAL_BATCH_APPROVED', 'WITHDRAWAL_BATCH_REFUSED'],
  'PayoutBatchService.java: "PAYOUT_BATCH_RESULTS_" + d.status().name()': ['PAYOUT_BATCH_RESULTS_REJECTED', 'PAYOUT_BATCH_RESULTS_CANCELLED'],
};

/** Every audit action and record type the server writes: AuditRecord.of(actor, action, entityType, ...) or new AuditRecord(...). */
function serverAuditRecords(): { actions: string[]; entityTypes: string[]; unknown: string[] } {
  const files = javaFiles(JAVA);
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  const unknown: string[] = [];
  for (const { path, text } of files) {
    for (const m of text.matchAll(/(?:AuditRecord\.of|new AuditRecord)\(/g)) {
      const [, action, entityType] = callArguments(text, m.index! + m[0].length);
      if (action === undefined || /^(action|entityType)$/.test(action)) continue; // AuditRecord's own factory
      const file = path.split('/').at(-1)!;
      if (action.includes('+')) {
        const values = COMPUTED_ACTIONS[`${file}: ${action}`];
        if (values) values.forEach((a) => actions.add(a));
        else unknown.push(`${file}: ${action}`);
      } else {
        for (const literal of action.matchAll(/"([A-Z_]+)"/g)) actions.add(literal[1]);
      }
      const owner = entityType.includes('.') ? files.find((f) => f.path.endsWith(`/${entityType.split('.')[0]}.java`)) : undefined;
      entityTypes.add(resolve(entityType.split('.').at(-1)!, (owner ?? { text }).text, path));
    }
  }
  return { actions: [...actions].sort(), entityTypes: [...entityTypes].sort(), unknown };
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
    expect(fieldName(zhHant, 'bankCard[7].accountNo')).toBe('銀行卡 #7 · 帳號');
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

describe('audit names', () => {
  const zhHant = translator(MESSAGES['zh-Hant']);

  it('name every action and record type the server writes, in every language', () => {
    const { actions, entityTypes, unknown } = serverAuditRecords();
    expect(unknown).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['OPERATOR_LOGIN', 'WITHDRAWAL_ABNORMAL_REPAY', 'WORK_ORDER_CANCELLED']));
    expect(entityTypes).toEqual(expect.arrayContaining(['Operator', 'CompanyAccount', 'Withdrawal', 'PayoutBatch']));
    // by key: in English some record types are named as they are spelled (Customer)
    const keys = [...actions.map((a) => `audit.action.${a}`), ...[...entityTypes, 'BankCard'].map((e) => `entity.${e}`)];
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      expect({ lang, unnamed: keys.filter((k) => !(k in messages)) }).toEqual({ lang, unnamed: [] });
    }
  });

  it("show a record as its type's name and id, and an unknown action or type as its code", () => {
    expect(entityTypeName(zhHant, 'PayoutBatch')).toBe('出款批次');
    expect(auditActionName(zhHant, 'OPERATOR_LOGIN')).toBe('操作員登入');
    expect(entityName(zhHant, 'CompanyAccount', '4')).toBe('公司銀行帳戶 #4');
    expect(auditActionName(zhHant, 'DEPOSIT_CREATED')).toBe('DEPOSIT_CREATED');
    expect(entityName(zhHant, 'Deposit', '9')).toBe('Deposit #9');
    expect(valueName(zhHant, 'subject', 'Withdrawal W20261122-000123', 'WorkOrder')).toBe('出金申請 W20261122-000123');
  });
});
