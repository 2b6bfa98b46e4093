import { describe, expect, it } from 'vitest';
import { subjectPath } from './subject';

describe('the subject of a work order', () => {
  it('links a withdrawal, a payout batch and a customer to where each is shown', () => {
    expect(subjectPath('Withdrawal', '12')).toBe('/withdrawals?tab=records&withdrawal=12');
    expect(subjectPath('PayoutBatch', '7')).toBe('/withdrawals?tab=processing&batch=7');
    expect(subjectPath('Customer', '3')).toBe('/customers/3');
  });

  it('has no link for a subject without a page, or an id that is not one', () => {
    expect(subjectPath('BankCard', '9')).toBeUndefined();
    expect(subjectPath('Withdrawal', '../x')).toBeUndefined();
  });
});
