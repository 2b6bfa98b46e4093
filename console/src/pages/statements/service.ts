import { api, downloadUrl, requestHeaders, withQuery, type Query } from '../../api/client';
import type { components } from '../../api/schema';
import type { Page, Present } from '../../api/types';
import { ApiError, toProblem } from '../../lib/problem';

/** Calls of 銀行帳單 (statement lines, imports, templates, bank connections). Types come from the generated schema. */
type S = components['schemas'];
export type Direction = 'IN' | 'OUT';
export type StatementLine = Omit<Present<S['LineView']>, 'matched' | 'bankReference' | 'counterpartyName' | 'counterpartyAccount' | 'counterpartyBank' | 'description' | 'remark' | 'reconResult' | 'reconReason' | 'valueDate' | 'importId' | 'lineNo'> & {
  matched?: { type: string; id?: number | null; serial?: string | null } | null;
  bankReference?: string | null;
  counterpartyName?: string | null;
  counterpartyAccount?: string | null;
  counterpartyBank?: string | null;
  description?: string | null;
  remark?: string | null;
  reconResult?: string | null;
  reconReason?: string | null;
  valueDate?: string | null;
  importId?: number | null;
  lineNo?: number | null;
};
export type ImportResult = Present<S['ImportResult']>;
export type ImportView = Omit<Present<S['ImportView']>, 'templateId'> & { templateId?: number | null };
export type TemplateDefinition = S['TemplateDefinition'];
export type Template = Omit<Present<S['Template']>, 'definition'> & { definition: TemplateDefinition };
export type TemplateBody = S['TemplateBody'];
export type CompanyAccount = Present<S['CompanyAccount']>;
export type PullStatus = S['PullStatus'];
export interface Connection {
  accountId: number;
  bankName: string;
  accountNo: string;
  connector?: string | null;
  lastPull?: PullStatus | null;
}
export interface Outcome {
  id: number;
  ok: boolean;
  error?: string | null;
}

export const LINE_STATUSES = ['UNMATCHED', 'MATCHED', 'TAGGED', 'DELETED'] as const;
export const FORMATS = ['MT940', 'CAMT053'] as const;

export interface LineFilter {
  direction: Direction;
  status?: string;
  accountId?: number;
  from?: string;
  to?: string;
  q?: string;
  /** Bounds of the line amount, inclusive, as plain decimals ("1234.50"). */
  minAmount?: string;
  maxAmount?: string;
  importId?: number;
}

export const searchLines = (f: LineFilter, after?: string) => api.get<Page<StatementLine>>('/api/statements', { ...f, size: 50, after } as Query);
export const exportLinesUrl = (f: LineFilter, format: 'CSV' | 'XLSX') => downloadUrl('/api/statements/export', { ...f, format } as Query);
export const deleteLines = (ids: number[], reason: string) => api.post<{ results: Outcome[] }>('/api/statements/delete', { ids, reason });
export const flipLines = (ids: number[], reason?: string) => api.post<{ results: Outcome[] }>('/api/statements/flip', { ids, reason });
export const rejectTags = (ids: number[], reason?: string) => api.post<{ results: Outcome[] }>('/api/statements/reject-tag', { ids, reason });
export const flipLine = (id: number, remark?: string) => api.post<StatementLine>(`/api/statements/${id}/flip`, { remark });
export const tagLine = (id: number, withdrawalId: string, reason?: string) =>
  api.post<StatementLine>(`/api/statements/${id}/tag`, { withdrawalId, reason: reason || undefined });
export const rejectTag = (id: number, reason?: string) => api.post<StatementLine>(`/api/statements/${id}/reject-tag`, { reason });

export const listImports = (accountId?: number, after?: string) => api.get<Page<ImportView>>('/api/statement-imports', { accountId, size: 50, after });
export const importFileUrl = (id: number) => `/api/statement-imports/${id}/file`;

export const listTemplates = () => api.get<Template[]>('/api/statement-templates');
export const createTemplate = (body: TemplateBody) => api.post<Template>('/api/statement-templates', body);
export const updateTemplate = (id: number, body: TemplateBody) => api.put<Template>(`/api/statement-templates/${id}`, body);

export const listCompanyAccounts = () => api.get<CompanyAccount[]>('/api/company-accounts');
export const listConnections = () => api.get<Connection[]>('/api/bank-connections');
export const pullNow = (accountId: number) => api.post<PullStatus>(`/api/bank-connections/${accountId}/pull`);

/**
 * A multipart upload with progress (fetch has none): same session cookie and CSRF echo as the API client, errors as
 * {@link ApiError} with the problem details, so the refused-file report and field errors work the same way.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    Object.entries(requestHeaders()).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { status: 0, type: 'network' }));
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new ApiError(xhr.status, toProblem(xhr.status, text, xhr.getResponseHeader('Content-Type'))));
        return;
      }
      try {
        resolve((text ? JSON.parse(text) : undefined) as T);
      } catch {
        reject(new ApiError(xhr.status, { status: xhr.status, type: 'bad-response' }));
      }
    };
    xhr.send(form);
  });
}

export function importStatement(
  file: File,
  target: { accountId: number; templateId?: number; format?: string },
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return upload<ImportResult>(withQuery('/api/statements/import', target as Query), form, onProgress);
}

export interface PreviewResult {
  rows: string[][];
  parsed: { line: number; error?: string; direction?: string; amount?: string; currency?: string; bookingDate?: string; reference?: string; counterpartyName?: string }[];
}

export function previewTemplate(file: File, definition: TemplateDefinition): Promise<PreviewResult> {
  const form = new FormData();
  form.append('file', file);
  form.append('definition', new Blob([JSON.stringify(definition)], { type: 'application/json' }));
  return upload<PreviewResult>('/api/statement-templates/preview', form);
}

/** The bad rows of a refused statement file (422 statement-file-refused): every {line, message}, and how many in all. */
export interface BadRow {
  line: number;
  message: string;
}
export function refusedRows(error: unknown): { rows: BadRow[]; total: number } | null {
  if (!(error instanceof ApiError) || error.status !== 422 || error.code !== 'statement-file-refused') return null;
  const raw = (error.problem.errors ?? []) as unknown as BadRow[];
  const rows = raw.filter((r) => r && typeof r.line === 'number').map((r) => ({ line: r.line, message: String(r.message) }));
  const total = typeof error.problem.errorCount === 'number' ? error.problem.errorCount : rows.length;
  return { rows, total };
}

export const accountLabel = (a: { bankName: string; accountNo: string; currencies?: string[] }) =>
  `${a.bankName} ${a.accountNo}${a.currencies?.length ? ` (${a.currencies.join('/')})` : ''}`;
