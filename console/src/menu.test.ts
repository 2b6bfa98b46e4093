import { describe, expect, it } from 'vitest';
import { accessOf } from './access';
import type { PermissionCode } from './api/types';
import { firstPath, MENU, menuKeysFor, visibleMenu, type MenuNode } from './menu';

const keys = (nodes: MenuNode[]): string[] => nodes.flatMap((n) => [n.key, ...(n.children ? keys(n.children) : [])]);
const as = (...permissions: PermissionCode[]) => accessOf({ permissions });

describe('permission-based menu', () => {
  it('shows an admin the settings and the audit, but no empty groups', () => {
    const menu = visibleMenu(as('SYSTEM_ADMIN', 'AUDIT_VIEW', 'CUSTOMER_VIEW'));
    expect(keys(menu)).toEqual(['workOrders', 'customers', 'audit', 'settings', 'operators', 'roles', 'policies', 'riskSettings']);
  });

  it('shows a maker withdrawals, work orders and customers only', () => {
    expect(keys(visibleMenu(as('CUSTOMER_VIEW', 'CUSTOMER_MANAGE', 'WITHDRAWAL_APPLY')))).toEqual(['funds', 'withdrawals', 'workOrders', 'customers']);
  });

  it('shows an operator without permissions only the work orders', () => {
    const menu = visibleMenu(accessOf(null));
    expect(keys(menu)).toEqual(['workOrders']);
    expect(firstPath(menu)).toBe('/work-orders');
  });

  it('hides a group whose pages are all forbidden and keeps one with a permitted page', () => {
    const menu: MenuNode[] = [
      { key: 'g', label: 'x', children: [{ key: 'a', label: 'x', path: '/a', access: (a) => a.has('RECONCILE') }] },
      { key: 'h', label: 'x', children: [{ key: 'b', label: 'x', path: '/b', access: (a) => a.has('AUDIT_VIEW') }] },
    ];
    expect(keys(visibleMenu(as('AUDIT_VIEW'), menu))).toEqual(['h', 'b']);
  });

  it('finds the entry and group of a path', () => {
    expect(menuKeysFor('/settings/roles')).toEqual(['settings', 'roles']);
    expect(menuKeysFor('/customers/42')).toEqual(['customers']);
    expect(menuKeysFor('/nowhere', MENU)).toEqual([]);
  });
});
