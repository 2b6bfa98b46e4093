import { describe, expect, it } from 'vitest';
import { amountRange, formatAmount, formatDecimal, plainAmount, scaleOf } from './amount';

describe('amount formatting', () => {
  it('uses the scale of each asset', () => {
    expect(scaleOf('HKD')).toBe(2);
    expect(scaleOf('BTC')).toBe(8);
    expect(scaleOf('ETH')).toBe(18);
    expect(scaleOf('USDT')).toBe(6);
    expect(formatAmount('1234.5', 'HKD')).toBe('1,234.50');
    expect(formatAmount('0.1', 'BTC')).toBe('0.10000000');
    expect(formatAmount('12', 'USDT')).toBe('12.000000');
  });

  it('keeps 18-decimal ETH amounts exact, beyond what a JS number holds', () => {
    expect(formatAmount('123456789.123456789123456789', 'ETH')).toBe('123,456,789.123456789123456789');
    expect(formatAmount('9007199254740993', 'HKD')).toBe('9,007,199,254,740,993.00');
  });

  it('groups thousands and keeps the sign', () => {
    expect(formatAmount('-1000000', 'USD')).toBe('-1,000,000.00');
    expect(formatAmount('999', 'USD')).toBe('999.00');
    expect(formatAmount('1000', 'USD')).toBe('1,000.00');
    expect(formatAmount('0', 'HKD')).toBe('0.00');
  });

  it('rounds half-up with string arithmetic when there are too many decimals', () => {
    expect(formatDecimal('1.005', 2)).toBe('1.01');
    expect(formatDecimal('999.995', 2)).toBe('1,000.00');
    expect(formatDecimal('1.004', 2)).toBe('1.00');
    expect(formatDecimal('-0.001', 2)).toBe('0.00');
  });

  it('shows odd values as they are instead of hiding them', () => {
    expect(formatAmount('abc', 'HKD')).toBe('abc');
    expect(formatAmount(undefined, 'HKD')).toBe('');
  });
});

describe('plainAmount', () => {
  it('strips the thousands grouping the console shows', () => {
    expect(plainAmount('5,000.50')).toBe('5000.50');
    expect(plainAmount(' 1,234,567 ')).toBe('1234567');
    expect(plainAmount('12,345.')).toBe('12345.');
    expect(plainAmount('5000.50')).toBe('5000.50');
  });

  it('leaves what is not grouped in thousands for the server to refuse', () => {
    expect(plainAmount('5,00')).toBe('5,00');
    expect(plainAmount('5.000,50')).toBe('5.000,50');
    expect(plainAmount('1,2345')).toBe('1,2345');
  });

  it('reads nothing typed as no filter', () => {
    expect(plainAmount('  ')).toBeUndefined();
    expect(plainAmount(undefined)).toBeUndefined();
  });
});

describe('amountRange', () => {
  it('sends both bounds of a filter plain, and none when nothing is typed', () => {
    expect(amountRange({ minAmount: '5,000.50', maxAmount: ' 12,500 ' })).toEqual({ minAmount: '5000.50', maxAmount: '12500' });
    expect(amountRange({ minAmount: '', maxAmount: undefined })).toEqual({ minAmount: undefined, maxAmount: undefined });
    expect(amountRange({ minAmount: '5,00' })).toEqual({ minAmount: '5,00', maxAmount: undefined });
  });
});
