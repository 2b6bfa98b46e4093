import type { MenuNode } from '../../menu';

/**
 * The funds-group entries of bank statements and reconciliation (menu.ts spreads them into 款項管理):
 * 銀行帳單 › 出金帳單 / 入金帳單 / 帳單範本 / 銀企直連, and 出金對帳 (the manual puts it under 出金; it stays a leaf here so
 * the withdrawal pages can own the 出金 group).
 */
export const STATEMENT_MENU: MenuNode[] = [
  {
    key: 'bankStatements',
    label: 'menu.bankStatements',
    children: [
      { key: 'statementsOut', label: 'menu.statementsOut', path: '/statements/out', access: (a) => a.has('STATEMENT_MANAGE') },
      { key: 'statementsIn', label: 'menu.statementsIn', path: '/statements/in', access: (a) => a.has('STATEMENT_MANAGE') },
      { key: 'statementTemplates', label: 'menu.statementTemplates', path: '/statements/templates', access: (a) => a.has('STATEMENT_MANAGE') },
      { key: 'bankConnections', label: 'menu.bankConnections', path: '/statements/bank-connections', access: (a) => a.has('STATEMENT_MANAGE') },
    ],
  },
  { key: 'reconciliationOut', label: 'menu.reconciliationOut', path: '/reconciliation/out', access: (a) => a.has('RECONCILE') },
];
