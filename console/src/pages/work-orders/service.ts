import { api } from '../../api/client';
import type { Page, Policy, WorkOrder, WorkOrderCounts, WorkOrderDetail } from '../../api/types';

export interface WorkOrderFilter {
  inbox?: boolean;
  status?: string;
  type?: string;
  makerId?: number;
  from?: string;
  to?: string;
  after?: string;
}

export const listWorkOrders = (f: WorkOrderFilter) => api.get<Page<WorkOrder>>('/api/work-orders', { ...f, size: 50 });
export const workOrderCounts = () => api.get<WorkOrderCounts>('/api/work-orders/counts');
export const getWorkOrder = (id: string) => api.get<WorkOrderDetail>(`/api/work-orders/${id}`);
export const approveWorkOrder = (id: number, comment: string) => api.post<unknown>(`/api/work-orders/${id}/approve`, { comment });
export const rejectWorkOrder = (id: number, comment: string) => api.post<unknown>(`/api/work-orders/${id}/reject`, { comment });
export const cancelWorkOrder = (id: number) => api.post<unknown>(`/api/work-orders/${id}/cancel`);
export const commentWorkOrder = (id: number, text: string) => api.post<unknown>(`/api/work-orders/${id}/comments`, { text });
export const listPolicies = () => api.get<Policy[]>('/api/approval-policies');

/** Every operator by name (any operator may read it): the options of the maker filter. */
export interface DirectoryEntry {
  id: number;
  username: string;
  displayName: string;
  enabled: boolean;
}
export const operatorDirectory = () => api.get<DirectoryEntry[]>('/api/operator-directory');

export const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
