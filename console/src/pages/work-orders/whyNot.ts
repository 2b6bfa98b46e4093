import type { Me, WorkOrderDetail } from '../../api/types';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Why this operator may not decide this work order, in their language (the four-eyes rule of SPEC X-3). The server's
 * own reason is the fallback when none of the known rules explains it.
 */
export function whyNotText(detail: WorkOrderDetail, me: Pick<Me, 'id' | 'permissions'> | null, t: Translate): string | null {
  if (detail.canDecide) return null;
  const wo = detail.workOrder;
  if (wo.status !== 'PENDING') return t('wo.why.notPending', { status: t(`state.workOrder.${wo.status}`) });
  if (me && wo.makerId === me.id) return t('wo.why.ownOrder');
  if (me && detail.decisions.some((d) => d.operatorId === me.id)) return t('wo.why.decidedEarlier');
  const needed = wo.levels[wo.currentLevel];
  if (me && needed && !(me.permissions as string[]).includes(needed)) {
    return t('wo.why.needsPermission', { level: wo.currentLevel + 1, permission: t(`perm.${needed}`, { defaultValue: needed }) });
  }
  return detail.whyNot || t('wo.why.unknown');
}
