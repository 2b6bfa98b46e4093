import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, problemMessage } from '../lib/problem';
import { download, downloadUrl, fileNameOf, requestHeaders, withQuery } from './client';

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

describe('fetched downloads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are saved under the server's file name", () => {
    expect(fileNameOf(`attachment; filename="B20261122-001-payout.csv"; filename*=UTF-8''B20261122-001-payout.csv`)).toBe('B20261122-001-payout.csv');
    expect(fileNameOf(`attachment; filename="=?UTF-8?Q?=E5=87=BA.csv?="; filename*=UTF-8''%E5%87%BA%E6%AC%BE.csv`)).toBe('出款.csv');
    expect(fileNameOf('attachment; filename="cheques.pdf"')).toBe('cheques.pdf');
    expect(fileNameOf('attachment; filename="=?UTF-8?Q?=E5=87=BA.csv?="')).toBeUndefined();
    expect(fileNameOf(null)).toBeUndefined();
  });

  it("throw the server's refusal with its problem details instead of failing silently", async () => {
    await i18next.init({ lng: 'zh-Hant', resources: {} });
    const detail = '出款批次 B20261122-001 目前狀態為「DRAFT」：批次出款審核通過後才會產生出款文件';
    const fetch = vi.fn(async () =>
      new Response(JSON.stringify({ type: 'https://wbo.example/problems/not-approved', title: 'Unprocessable', status: 422, detail }), {
        status: 422,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const error = await download('/api/payout-batches/7/file?format=csv', 'payout.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect(problemMessage((error as ApiError).problem, (_key, fallback) => fallback)).toBe(detail);
    const headers = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers.Accept).toContain('application/problem+json');
    expect(headers['Accept-Language']).toBe('zh-Hant');
  });

  it('throw a network problem when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(download('/api/withdrawals/3/payout-file?format=xlsx', 'payout.xlsx')).rejects.toMatchObject({ status: 0, problem: { type: 'network' } });
  });
});
