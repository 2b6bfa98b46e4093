import { api } from '../../api/client';
import type { Operator, Policy, Role } from '../../api/types';

export const listOperators = () => api.get<Operator[]>('/api/operators');
export const createOperator = (b: { username: string; displayName: string; password: string; roles: string[] }) => api.post<Operator>('/api/operators', b);
export const setOperatorEnabled = (id: number, enabled: boolean) => api.post<unknown>(`/api/operators/${id}/${enabled ? 'enable' : 'disable'}`);
export const setOperatorRoles = (id: number, roles: string[]) => api.put<unknown>(`/api/operators/${id}/roles`, { roles });
export const resetPassword = (id: number, password: string) => api.post<unknown>(`/api/operators/${id}/reset-password`, { password });
export const listRoles = () => api.get<Role[]>('/api/roles');
export const saveRole = (code: string, b: { name: string; description?: string | null; permissions: string[] }) => api.put<unknown>(`/api/roles/${code}`, b);
export const listPermissions = () => api.get<string[]>('/api/permissions');
export const listPolicies = () => api.get<Policy[]>('/api/approval-policies');
export const savePolicy = (type: string, b: { enabled: boolean; levels: string[] }) => api.put<unknown>(`/api/approval-policies/${type}`, b);
