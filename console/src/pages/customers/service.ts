import { api, downloadUrl } from '../../api/client';
import type { AuditEntry, Balance, BankCard, CardChange, Customer, Page, Transfer, WorkOrder } from '../../api/types';

export const searchCustomers = (q: { q?: string; status?: string; after?: string }) =>
  api.get<Page<Customer>>('/api/customers', { ...q, size: 50 });
export const getCustomer = (id: string) => api.get<Customer>(`/api/customers/${id}`);
export const getBalances = (id: string) => api.get<Balance[]>(`/api/customers/${id}/balances`);
export const getBankCards = (id: string) => api.get<BankCard[]>(`/api/customers/${id}/bank-cards`);
export const getTransfers = (id: string, asset?: string, after?: string) =>
  api.get<Page<Transfer>>(`/api/customers/${id}/transfers`, { asset, size: 50, after });
/** The transfers as a file, in the operator's language (the link carries it). */
export const transfersExportUrl = (id: string, asset: string | undefined, format: 'xlsx' | 'csv') =>
  downloadUrl(`/api/customers/${id}/transfers/export`, { asset, format });
export const getHistory = (id: string) => api.get<AuditEntry[]>(`/api/customers/${id}/history`);
export const proposeCardChange = (id: number, cardId: number, body: CardChange) =>
  api.post<WorkOrder>(`/api/customers/${id}/bank-cards/${cardId}/change-requests`, body);
export const proposeNewCard = (id: number, body: CardChange) => api.post<WorkOrder>(`/api/customers/${id}/bank-cards`, body);

/** Pending bank-card work orders of a customer: edits of each card, and proposed new cards. */
export async function pendingCardWorkOrders(customerId: string, cards: BankCard[]): Promise<WorkOrder[]> {
  const pages = await Promise.all([
    api.get<Page<WorkOrder>>('/api/work-orders', { status: 'PENDING', subjectType: 'Customer', subjectId: customerId }),
    ...cards.map((c) => api.get<Page<WorkOrder>>('/api/work-orders', { status: 'PENDING', subjectType: 'BankCard', subjectId: c.id })),
  ]);
  return pages.flatMap((p) => p.items).filter((w) => w.type === 'BANK_CARD_CHANGE');
}
