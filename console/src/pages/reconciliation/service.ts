import { api, downloadUrl } from '../../api/client';
import type { components } from '../../api/schema';
import type { Page, Present } from '../../api/types';
import type { Direction } from '../statements/service';

/** Calls of 出金對帳 / 入金對帳: runs (刷新), their counts and results, export, follow-up of mismatches. */
type S = components['schemas'];
export const RESULTS = ['MATCHED', 'AMOUNT_MISMATCH', 'MISSING_IN_BANK', 'MISSING_IN_SYSTEM'] as const;
export type ResultCode = (typeof RESULTS)[number];
export type Run = Omit<Present<S['RunView']>, 'finishedAt'> & { finishedAt?: string | null };
export interface ResultRow {
  id: number;
  runId: number;
  result: ResultCode;
  reason: string;
  record?: { type: string; id?: number | null; serial?: string | null } | null;
  lineId?: number | null;
  currency?: string | null;
  systemAmount?: string | null;
  bankAmount?: string | null;
  systemDate?: string | null;
  bankDate?: string | null;
  bankReference?: string | null;
  counterpartyAccount?: string | null;
  followUp?: { id: number; status: string; assignee?: string | null } | null;
}
export interface FollowUp {
  id: number;
  subjectKey: string;
  resultId: number;
  status: 'OPEN' | 'RESOLVED';
  assignee?: string | null;
  comments: { by: string; at: string; text: string }[];
  resolution?: string | null;
  createdAt: string;
  updatedAt: string;
}

export const runReconciliation = (body: { direction: Direction; accountId: number; from: string; to: string; windowDays?: number }) =>
  api.post<Run>('/api/reconciliations', body);
export const listRuns = (q: { direction: Direction; accountId?: number }, after?: string) =>
  api.get<Page<Run>>('/api/reconciliations', { ...q, size: 20, after });
/** The filter of a run's results, the same in the list and its export: the result, and an amount on either side. */
export interface ResultFilter {
  result?: string;
  minAmount?: string;
  maxAmount?: string;
}
export const listResults = (runId: number, f: ResultFilter, after?: string) =>
  api.get<Page<ResultRow>>(`/api/reconciliations/${runId}/results`, { ...f, size: 50, after });
export const exportResultsUrl = (runId: number, f: ResultFilter, format: 'CSV' | 'XLSX') =>
  downloadUrl(`/api/reconciliations/${runId}/results/export`, { ...f, format });

export const openFollowUp = (resultId: number, body: { assignee?: string; comment?: string } = {}) =>
  api.post<FollowUp>(`/api/reconciliations/results/${resultId}/follow-up`, body);
export const getFollowUp = (id: number) => api.get<FollowUp>(`/api/reconciliation-follow-ups/${id}`);
export const assignFollowUp = (id: number, assignee: string) => api.post<FollowUp>(`/api/reconciliation-follow-ups/${id}/assign`, { assignee });
export const commentFollowUp = (id: number, comment: string) => api.post<FollowUp>(`/api/reconciliation-follow-ups/${id}/comments`, { comment });
export const resolveFollowUp = (id: number, reason: string) => api.post<FollowUp>(`/api/reconciliation-follow-ups/${id}/resolve`, { reason });
