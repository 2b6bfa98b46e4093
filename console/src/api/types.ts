import type { components } from './schema';

/**
 * Names for the generated schema types. The server's document marks few fields required, so the console reads them
 * as present (the server always sends them); nullable ones stay optional by the Nullable markers below.
 */
type S = components['schemas'];
export type Present<T> = T extends (infer U)[] ? Present<U>[] : T extends object ? { [K in keyof T]-?: Present<T[K]> } : T;

export type Me = Present<S['Me']>;
export type PermissionCode = Me['permissions'][number];
export type Customer = Present<S['Customer']>;
export type OpeningStatus = Customer['openingStatus'];
export type Balance = Present<S['BalanceView']>;
export type BankCard = Present<S['CardView']>;
export type CardChange = S['CardChange'];
export type FieldChange = { field: string; before?: string | null; after?: string | null };
export type WorkOrder = Omit<Present<S['WorkOrderView']>, 'changes' | 'remark' | 'decidedAt'> & {
  changes: FieldChange[];
  remark?: string | null;
  decidedAt?: string | null;
};
export type WorkOrderStatus = WorkOrder['status'];
/**
 * One decision in a work order's detail. Written by hand: the server's document names both this and the approve/reject
 * body "Decision", so the generated type is the body's.
 */
export interface WorkOrderDecision {
  level: number;
  operatorId: number;
  operatorName: string;
  decision: string;
  comment?: string | null;
  at: string;
}
export type WorkOrderComment = Present<S['Comment']>;
export interface WorkOrderDetail {
  workOrder: WorkOrder;
  /** who besides the maker did part of what is approved (packed the batch, entered results): they may not decide */
  contributors: string[];
  decisions: WorkOrderDecision[];
  comments: WorkOrderComment[];
  canDecide: boolean;
  whyNot?: string | null;
  canCancel: boolean;
}
export type WorkOrderCounts = Present<S['Counts']>;
export type Transfer = Omit<Present<S['TransferView']>, 'referenceType' | 'referenceId' | 'actor' | 'ip'> & {
  referenceType?: string | null;
  referenceId?: string | null;
  actor?: string | null;
  ip?: string | null;
};
export type AuditEntry = Omit<Present<S['AuditEntry']>, 'changes' | 'remark' | 'ip' | 'actorId'> & {
  changes: FieldChange[];
  remark?: string | null;
  ip?: string | null;
  actorId?: number | null;
};
/**
 * The audit chain check. Written by hand: the server's document names several records "Result" and keeps only one of
 * them, so the generated type may be another module's.
 */
/** One walk of records another module chains itself (ledger transfers). */
export interface ChainedRecordsCheck {
  records: string;
  checked: number;
  /** written in the last moments, not in a chain yet (a later verification checks them) */
  pending: number;
  firstBrokenId?: number | null;
  reason?: string | null;
}
export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: number | null;
  reason?: string | null;
  records?: ChainedRecordsCheck[];
}
export type Operator = Omit<Present<S['OperatorView']>, 'lockedUntil'> & { lockedUntil?: string | null };
export type Role = Omit<Present<S['Role']>, 'description'> & { description?: string | null };
export type Policy = Present<S['PolicyView']>;

export interface Page<T> {
  items: T[];
  next?: string | null;
}
