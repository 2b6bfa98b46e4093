import type { Access, AccessRule } from './access';
import { STATEMENT_MENU } from './pages/statements/menu';

/**
 * The console's navigation (SPEC X-10), in one place with the access rule of each page. A page folder adds its entry
 * here (and its route in routes.tsx); groups without a visible entry are not shown, so a module not built yet leaves no
 * dead link. Groups: 款項管理 (入金 / 出金 / 銀行帳單), 虛擬資產管理 (出入幣), 運營系統 (權益系統), then 工單, 客戶, 審計, 系統設置.
 */
export interface MenuNode {
  key: string;
  /** i18n key of the label. */
  label: string;
  path?: string;
  access?: AccessRule;
  children?: MenuNode[];
}

export const MENU: MenuNode[] = [
  {
    key: 'funds',
    label: 'menu.funds',
    children: [
      { key: 'withdrawals', label: 'menu.withdrawals', path: '/withdrawals', access: (a) => a.any('WITHDRAWAL_APPLY', 'WITHDRAWAL_PROCESS', 'WITHDRAWAL_VIEW', 'CHEQUE_PRINT') },
      ...STATEMENT_MENU,
    ],
  },
  { key: 'virtualAssets', label: 'menu.virtualAssets', children: [] },
  { key: 'operationsSystem', label: 'menu.operationsSystem', children: [] },
  { key: 'workOrders', label: 'menu.workOrders', path: '/work-orders' },
  { key: 'customers', label: 'menu.customers', path: '/customers', access: (a) => a.has('CUSTOMER_VIEW') },
  { key: 'audit', label: 'menu.audit', path: '/audit', access: (a) => a.has('AUDIT_VIEW') },
  {
    key: 'settings',
    label: 'menu.settings',
    children: [
      { key: 'operators', label: 'menu.operators', path: '/settings/operators', access: (a) => a.has('SYSTEM_ADMIN') },
      { key: 'roles', label: 'menu.roles', path: '/settings/roles', access: (a) => a.has('SYSTEM_ADMIN') },
      { key: 'policies', label: 'menu.policies', path: '/settings/approval-policies', access: (a) => a.has('SYSTEM_ADMIN') },
      { key: 'riskSettings', label: 'menu.riskSettings', path: '/settings/risk', access: (a) => a.has('SYSTEM_ADMIN') },
    ],
  },
];

/** The menu as this operator sees it: entries they may open, and groups that still have one. */
export function visibleMenu(access: Access, menu: MenuNode[] = MENU): MenuNode[] {
  const out: MenuNode[] = [];
  for (const node of menu) {
    if (node.access && !node.access(access)) continue;
    if (node.children) {
      const children = visibleMenu(access, node.children);
      if (children.length > 0) out.push({ ...node, children });
    } else if (node.path) {
      out.push(node);
    }
  }
  return out;
}

/** The first page this operator may open, for the landing redirect. */
export function firstPath(menu: MenuNode[]): string | undefined {
  for (const node of menu) {
    if (node.path) return node.path;
    const inner = node.children && firstPath(node.children);
    if (inner) return inner;
  }
  return undefined;
}

/** The menu entries (leaf keys and their group keys) that a path belongs to, for highlighting. */
export function menuKeysFor(pathname: string, menu: MenuNode[] = MENU, parents: string[] = []): string[] {
  for (const node of menu) {
    if (node.path && (pathname === node.path || pathname.startsWith(node.path + '/'))) return [...parents, node.key];
    if (node.children) {
      const found = menuKeysFor(pathname, node.children, [...parents, node.key]);
      if (found.length) return found;
    }
  }
  return [];
}
