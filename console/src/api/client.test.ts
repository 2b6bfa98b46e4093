import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { downloadUrl, requestHeaders, withQuery } from './client';

describe('query strings', () => {
  it('leaves out empty filters and encodes offsets and Chinese text', () => {
    expect(withQuery('/api/audit', { actor: '', entityId: undefined, from: '2026-11-22T00:00:00+08:00', size: 50 })).toBe(
      '/api/audit?from=2026-11-22T00%3A00%3A00%2B08%3A00&size=50',
    );
    expect(withQuery('/api/customers', { q: '陳大文' })).toBe('/api/customers?q=%E9%99%B3%E5%A4%A7%E6%96%87');
    expect(withQuery('/api/work-orders', { inbox: true, after: null })).toBe('/api/work-orders?inbox=true');
    expect(withQuery('/api/x')).toBe('/api/x');
  });
});

describe('request headers', () => {
  it("ask the server to answer in the operator's language", async () => {
    await i18next.init({ lng: 'zh-Hans', resources: {} });
    expect(requestHeaders(undefined, false)).toEqual({ Accept: 'application/json, application/problem+json', 'Accept-Language': 'zh-Hans' });
    await i18next.changeLanguage('zh-Hant');
    expect(requestHeaders('application/pdf', false)['Accept-Language']).toBe('zh-Hant');
  });
});

describe('download links', () => {
  it("carry the operator's language, which a link cannot send as a header", async () => {
    await i18next.init({ lng: 'zh-Hant', resources: {} });
    expect(downloadUrl('/api/statements/export', { format: 'CSV', accountId: 3 })).toBe('/api/statements/export?format=CSV&accountId=3&lang=zh-Hant');
  });
});
