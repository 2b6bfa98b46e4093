import { describe, expect, it } from 'vitest';
import type { WorkOrderDetail } from '../../api/types';
import { whyNotText } from './whyNot';

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key);
const detail = (over: Partial<WorkOrderDetail> = {}, status = 'PENDING'): WorkOrderDetail => ({
  workOrder: {
    id: 1, type: 'BANK_CARD_CHANGE', subjectType: 'BankCard', subjectId: '9', subjectLabel: 'x', status: status as 'PENDING',
    makerId: 2, maker: 'maker', levels: ['WORK_ORDER_APPROVE', 'SYSTEM_ADMIN'], currentLevel: 0, changes: [], createdAt: '',
  },
  decisions: [], comments: [], canDecide: false, whyNot: 'server says no', canCancel: false, ...over,
});

describe('four-eyes reason', () => {
  it('tells the maker they cannot decide their own work order', () => {
    expect(whyNotText(detail(), { id: 2, permissions: ['WORK_ORDER_APPROVE'] }, t)).toBe('wo.why.ownOrder');
  });
  it('tells an operator who decided an earlier level', () => {
    const d = detail({ decisions: [{ level: 1, operatorId: 3, operatorName: 'c', decision: 'APPROVED', at: '' }] });
    d.workOrder.currentLevel = 1;
    expect(whyNotText(d, { id: 3, permissions: ['WORK_ORDER_APPROVE', 'SYSTEM_ADMIN'] }, t)).toBe('wo.why.decidedEarlier');
  });
  it('names the missing permission of the current level', () => {
    expect(whyNotText(detail(), { id: 5, permissions: [] }, t)).toContain('wo.why.needsPermission');
  });
  it('says nothing when the operator may decide', () => {
    expect(whyNotText(detail({ canDecide: true }), { id: 5, permissions: [] }, t)).toBeNull();
  });
  it('falls back to the server reason', () => {
    expect(whyNotText(detail(), { id: 5, permissions: ['WORK_ORDER_APPROVE'] }, t)).toBe('server says no');
  });
});
