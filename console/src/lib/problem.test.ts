import { describe, expect, it } from 'vitest';
import { ApiError, mapProblemToForm, namePermissions, problemCode, problemMessage, toProblem } from './problem';

const t = (key: string, fallback: string) =>
  ({ 'problem.bad-credentials': 'Wrong username or password', 'problem.status.403': 'No permission' })[key] ?? fallback;

describe('problem details mapping', () => {
  it('puts field errors next to the fields the form has', () => {
    const problem = {
      type: 'https://wbo.io/problems/invalid-input',
      status: 400,
      detail: 'accountNo: must not be blank',
      errors: [
        { field: 'accountNo', message: 'must not be blank' },
        { field: 'holderName', message: 'does not match' },
      ],
    };
    const mapped = mapProblemToForm(problem, ['accountNo', 'holderName', 'bankName'], t);
    expect(mapped.fields).toEqual([
      { name: ['accountNo'], errors: ['must not be blank'] },
      { name: ['holderName'], errors: ['does not match'] },
    ]);
    expect(mapped.message).toBeUndefined();
  });

  it('maps nested names to their form field and reports unknown fields as a message', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'levels[1]', message: 'unknown permission' },
        { field: 'currency', message: 'unsupported' },
      ],
    };
    const mapped = mapProblemToForm(problem, ['levels'], t);
    expect(mapped.fields).toEqual([{ name: ['levels'], errors: ['unknown permission'] }]);
    expect(mapped.message).toBe('currency: unsupported');
  });

  it('turns a problem without field errors into one message, translated when its type is known', () => {
    const mapped = mapProblemToForm(
      { type: 'https://wbo.io/problems/bad-credentials', status: 401, detail: 'bad username or password' },
      ['username'],
      t,
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.message).toBe('Wrong username or password');
    expect(problemMessage({ type: 'https://wbo.io/problems/illegal-transition', status: 409, detail: 'state is APPROVED' }, t)).toBe(
      'state is APPROVED',
    );
    expect(problemMessage({ status: 403 }, t)).toBe('No permission');
  });

  it('never shows raw bodies: HTML or broken JSON become a plain status', () => {
    expect(toProblem(500, '<html>oops</html>', 'text/html')).toEqual({ status: 500, title: 'HTTP 500' });
    expect(toProblem(502, '{broken', 'application/json')).toEqual({ status: 502, title: 'HTTP 502' });
    expect(toProblem(423, '{"type":"https://wbo.io/problems/account-locked","lockedUntil":"x"}', 'application/problem+json')).toMatchObject({
      status: 423,
      lockedUntil: 'x',
    });
  });

  it('exposes the code of the problem type', () => {
    expect(problemCode({ type: 'https://wbo.io/problems/totp-required' })).toBe('totp-required');
    expect(new ApiError(423, { type: 'https://wbo.io/problems/account-locked' }).code).toBe('account-locked');
  });

  it('says a standard field message in the operator\'s language, with the values it names', () => {
    const zh = (key: string, fallback: string, args?: Record<string, string>) =>
      key === 'field.error.scale' ? `${args?.asset} 最多 ${args?.max} 位小數` : key === 'field.error.required' ? '必填' : fallback;
    const problem = {
      status: 400,
      errors: [
        { field: 'amount', message: 'has more than 2 decimals, the scale of HKD', code: 'scale', args: { max: '2', asset: 'HKD' } },
        { field: 'bankCardId', message: 'is required', code: 'required', args: {} },
        { field: 'remark', message: 'the card receives USD, not HKD' },
      ],
    };
    const mapped = mapProblemToForm(problem, ['amount', 'bankCardId', 'remark'], zh);
    expect(mapped.fields).toEqual([
      { name: ['amount'], errors: ['HKD 最多 2 位小數'] },
      { name: ['bankCardId'], errors: ['必填'] },
      { name: ['remark'], errors: ['the card receives USD, not HKD'] },
    ]);
  });
});

describe('a refusal for want of a permission', () => {
  const names: Record<string, string> = {
    'problem.forbidden': '沒有權限',
    'perm.WITHDRAWAL_PROCESS': '出金處理',
    'perm.WITHDRAWAL_VIEW': '出金查看',
  };
  const zh = (key: string, fallback: string) => names[key] ?? fallback;

  it('names the permission as the console does, not by its code', () => {
    const problem = { type: 'https://wbo.io/problems/forbidden', status: 403, detail: '此操作需要 WITHDRAWAL_PROCESS 權限' };
    expect(problemMessage(problem, zh)).toBe('沒有權限: 此操作需要 出金處理 權限');
    expect(namePermissions('this needs one of the permissions WITHDRAWAL_VIEW, WITHDRAWAL_PROCESS', zh)).toBe(
      'this needs one of the permissions 出金查看, 出金處理',
    );
  });

  it('leaves words that name no permission as they are', () => {
    expect(namePermissions('此 API 端點未設定所需權限 NOT_A_PERMISSION', zh)).toBe('此 API 端點未設定所需權限 NOT_A_PERMISSION');
  });
});
