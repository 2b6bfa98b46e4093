import { describe, expect, it } from 'vitest';
import { exportResultsUrl } from './service';

describe('reconciliation results export', () => {
  it('carries the filter of the list: the result and the amount range', () => {
    const url = exportResultsUrl(7, { result: 'AMOUNT_MISMATCH', minAmount: '5000.50', maxAmount: '12500' }, 'CSV');
    const [path, query] = url.split('?');
    expect(path).toBe('/api/reconciliations/7/results/export');
    const params = new URLSearchParams(query);
    expect(params.get('result')).toBe('AMOUNT_MISMATCH');
    expect(params.get('minAmount')).toBe('5000.50');
    expect(params.get('maxAmount')).toBe('12500');
    expect(params.get('format')).toBe('CSV');
  });

  it('leaves out what is not filtered', () => {
    expect(exportResultsUrl(7, {}, 'XLSX')).not.toMatch(/result=|minAmount|maxAmount/);
  });
});
