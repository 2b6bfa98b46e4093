import { api, download, downloadUrl, requestHeaders, withQuery, type Query } from '../../api/client';
import type { components } from '../../api/schema';
import type { Balance, BankCard, Customer, Page, Present, WorkOrder } from '../../api/types';
import { ApiError, toProblem } from '../../lib/problem';
import type { StoredProof } from './proofs';

/**
 * Withdrawal (出金) API of the console. Types come from the generated schema (src/api/schema.d.ts), except the detail:
 * the server's document names both the withdrawal detail and the work-order detail "Detail" and keeps only the latter,
 * so the withdrawal detail (and its history, payouts and cheque prints) is written by hand after WithdrawalQueries.Detail.
 */
type S = components['schemas'];
export type Withdrawal = Present<S['View']>;
export type Indicator = Present<S['Indicator']>;
export type Outcome = Omit<Present<S['Outcome']>, 'error'> & { error?: string | null };
export interface Outcomes {
  results: Outcome[];
}
export type BatchItem = Present<S['Item']>;
export type WithdrawalTotal = Present<S['WithdrawalTotal']>;
export type Batch = Omit<Present<S['BatchView']>, 'items'> & { items?: BatchItem[] | null };
export type CompanyAccount = Present<S['CompanyAccount']>;
export type ChequeRow = Present<S['ChequeRow']>;
export type RiskSettings = Omit<Present<S['RiskSettings']>, 'limits'> & {
  limits: { currency: string; dailyLimit?: string | null; largeAmount?: string | null }[];
};
export const WITHDRAWAL_STATUSES = [
  'RISK_CHECKING', 'RISK_PASSED', 'RISK_FAILED', 'REJECTED', 'DELETED', 'SUBMITTED',
  'DIRECT_PENDING_APPROVAL', 'DIRECT_PROCESSING', 'IN_BATCH', 'BATCH_PENDING_APPROVAL', 'BATCH_PROCESSING',
  'RESULT_PENDING_REVIEW', 'ABNORMAL', 'ABNORMAL_PENDING_REVIEW', 'COMPLETED', 'FAILED', 'RETURNED',
] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];
export const CHANNELS = ['FPS', 'CHATS', 'RTGS', 'TT', 'LOCAL_TRANSFER', 'CHEQUE'] as const;
export const CURRENCIES = ['HKD', 'USD', 'CNY'] as const;
export const ABNORMAL_ACTIONS = ['TO_SUCCESS', 'TO_FAILURE', 'REPAY', 'RESUBMIT'] as const;
export const RECONCILIATION_RESULTS = ['MATCHED', 'AMOUNT_MISMATCH', 'MISSING_IN_BANK', 'MISSING_IN_SYSTEM'] as const;
export const BATCH_STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'PROCESSING', 'RESULT_PENDING_REVIEW', 'COMPLETED', 'DISCARDED'];
/** A payout order (出款單) of an application: how it pays, and where it stands. */
export const PAYOUT_MODES = ['DIRECT', 'BATCH'] as const;
export const PAYOUT_STATUSES = ['PENDING_APPROVAL', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  workOrderId?: number | null;
  remark?: string | null;
}
export interface PayoutView {
  id: number;
  attempt: number;
  mode: string;
  batchId?: number | null;
  payingAccountId: number;
  channel: string;
  bankReference?: string | null;
  status: string;
  result?: string | null;
  resultReason?: string | null;
  workOrderId?: number | null;
  createdBy: string;
  createdAt: string;
  finishedAt?: string | null;
}
export interface ChequePrint {
  id: number;
  chequeNumber: string;
  reprint: boolean;
  reason?: string | null;
  printedBy: string;
  printedAt: string;
}
export interface WithdrawalDetail {
  withdrawal: Withdrawal;
  riskFindings: { rule: string; passed: boolean; message: string }[];
  history: HistoryEntry[];
  payouts: PayoutView[];
  chequePrints: ChequePrint[];
  /** The current proofs (憑證), and those a pending edit would put in their place. */
  proofs: StoredProof[];
  proposedProofs: StoredProof[];
}

export interface WithdrawalFilter {
  serial?: string;
  customer?: string;
  currency?: string;
  status?: string;
  channel?: string;
  source?: string;
  from?: string;
  to?: string;
  completedFrom?: string;
  completedTo?: string;
  minAmount?: string;
  maxAmount?: string;
  batchId?: number;
  reconciliation?: string;
}

export const listWithdrawals = (f: WithdrawalFilter, after?: string) =>
  api.get<Page<Withdrawal>>('/api/withdrawals', { ...(f as Query), size: 50, after });
/** The count and sums per currency of everything the filter selects, not only the rows loaded (合計). */
export const withdrawalTotals = (f: WithdrawalFilter) => api.get<WithdrawalTotal[]>('/api/withdrawals/totals', { ...(f as Query) });
export const exportUrl = (f: WithdrawalFilter, format: 'xlsx' | 'csv') =>
  downloadUrl('/api/withdrawals/export', { ...(f as Query), format });
export const indicators = () => api.get<Indicator[]>('/api/withdrawals/indicators');
export const getWithdrawal = (id: number) => api.get<WithdrawalDetail>(`/api/withdrawals/${id}`);
export const createManual = (body: {
  customerId?: number;
  currency?: string;
  amount?: string;
  fee?: string;
  bankCardId?: number;
  remark?: string;
  proofIds?: number[];
}) => api.post<Withdrawal>('/api/withdrawals', body);
export const proposeEdit = (
  id: number,
  body: { amount?: string; fee?: string; bankCardId?: number; remark?: string; proofIds?: number[] },
) =>
  api.patch<WorkOrder>(`/api/withdrawals/${id}`, body);
export const deleteWithdrawal = (id: number, reason: string) =>
  api.delete<Withdrawal>(`/api/withdrawals/${id}`, { reason });
export const rejectWithdrawals = (ids: number[], reason: string) => api.post<Outcomes>('/api/withdrawals/reject', { ids, reason });
export const submitWithdrawals = (ids: number[]) => api.post<Outcomes>('/api/withdrawals/submit', { ids });
export const directPayout = (id: number, body: { payingAccountId?: number; channel?: string; bankReference?: string }) =>
  api.post<{ withdrawal: Withdrawal; workOrder: WorkOrder }>(`/api/withdrawals/${id}/direct-payout`, body);
export const recordResult = (id: number, body: { result: string; bankReference?: string; reason?: string }) =>
  api.post<Withdrawal>(`/api/withdrawals/${id}/result`, body);
export const handleAbnormal = (ids: number[], action: string, remark: string) =>
  api.post<Outcomes>('/api/withdrawals/abnormal/handle', { ids, action, remark });
export const payoutFileUrl = (id: number, format: string) => withQuery(`/api/withdrawals/${id}/payout-file`, { format });

export const createBatch = (ids: number[], payingAccountId?: number, channel?: string) =>
  api.post<{ batch: Batch; results: Outcome[] }>('/api/payout-batches', { ids, payingAccountId, channel });
export const listBatches = (status?: string, after?: string) => api.get<Page<Batch>>('/api/payout-batches', { status, size: 50, after });
export const getBatch = (id: number) => api.get<Batch>(`/api/payout-batches/${id}`);
export const removeBatchItems = (id: number, ids: number[]) => api.post<Outcomes>(`/api/payout-batches/${id}/remove-items`, { ids });
export const discardBatch = (id: number, reason: string) => api.post<Outcomes>(`/api/payout-batches/${id}/discard`, { reason });
export const submitBatch = (id: number) => api.post<{ batch: Batch; workOrder: WorkOrder }>(`/api/payout-batches/${id}/submit`);
export const batchResults = (
  id: number,
  items: { withdrawalId: number; result: string; bankReference?: string; reason?: string }[],
) => api.post<{ results: Outcome[]; batchStatus: string; reviewWorkOrderId?: number | null }>(`/api/payout-batches/${id}/results`, { items });
/** 重新提交結果審核: sends the results, entered again after the review refused them, to a new review. */
export const submitBatchResults = (id: number) =>
  api.post<{ batch: Batch; workOrder: WorkOrder }>(`/api/payout-batches/${id}/submit-results`);
export const batchFileUrl = (id: number, format: string) => withQuery(`/api/payout-batches/${id}/file`, { format });

/** The bank file formats of a payout (W-10). */
export const PAYOUT_FILE_FORMATS = ['csv', 'xlsx', 'pain001'] as const;
export type PayoutFileFormat = (typeof PAYOUT_FILE_FORMATS)[number];
/**
 * The batch states in which the server has a payout file: it lists the batch's approved payout orders
 * (PayoutFiles.forBatch), so from the approval of the batch payout on; a draft or a batch awaiting approval has none.
 */
export const BATCH_STATUSES_WITH_FILE: readonly string[] = ['PROCESSING', 'RESULT_PENDING_REVIEW', 'COMPLETED'];
/**
 * Whether a direct payout's file exists (PayoutFiles.forWithdrawal): the application has a payout order of its own, not
 * of a batch, and that order is no longer waiting for approval (a refused order is dropped from the application).
 */
export const hasDirectPayoutFile = (w: Pick<Withdrawal, 'payoutId' | 'batchId' | 'status'>) =>
  !!w.payoutId && !w.batchId && w.status !== 'DIRECT_PENDING_APPROVAL';
/** Saves a payout file; a refusal throws ApiError with the server's reason. */
export const downloadPayoutFile = (url: string, format: PayoutFileFormat) =>
  download(url, `payout.${format === 'pain001' ? 'xml' : format}`);

export const companyAccounts = () => api.get<CompanyAccount[]>('/api/company-accounts');
export const searchCustomers = (q: string) => api.get<Page<Customer>>('/api/customers', { q, size: 20 });
export const customerBalances = (id: number) => api.get<Balance[]>(`/api/customers/${id}/balances`);
export const customerCards = (id: number) => api.get<BankCard[]>(`/api/customers/${id}/bank-cards`);

export const listCheques = (printed: boolean | undefined, serial: string | undefined, after?: string) =>
  api.get<Page<ChequeRow>>('/api/cheques', { printed, serial, size: 50, after });
export const getRiskSettings = () => api.get<{ settings: RiskSettings; rules: string[] }>('/api/risk/settings');
export const putRiskSettings = (s: RiskSettings) => api.put<{ settings: RiskSettings; rules: string[] }>('/api/risk/settings', s);

/** Uploads one proof (multipart, field "file"); the server answers with its id, detected type, size and SHA-256. */
export async function uploadProof(file: File): Promise<StoredProof> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = requestHeaders();
  const response = await fetch('/api/files', { method: 'POST', headers, credentials: 'same-origin', body: form });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, text, response.headers.get('Content-Type')));
  return JSON.parse(text) as StoredProof;
}

/** 首打 / 補打: POSTs the print and saves the PDF the server answers with. */
export const printCheques = (items: { withdrawalId: number; chequeNumber: string }[], reprint: boolean, reason?: string) =>
  download('/api/cheques/print', 'cheques.pdf', { body: { items, reprint, reason }, accept: 'application/pdf' });
