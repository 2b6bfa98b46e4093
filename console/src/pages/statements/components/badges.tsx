import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** One colour mapping per state enum of statements and reconciliation; labels from i18n ("state.<kind>.<VALUE>"). */
export const STATEMENT_STATE_COLORS: Record<string, Record<string, string>> = {
  line: { UNMATCHED: 'warning', MATCHED: 'success', TAGGED: 'processing', DELETED: 'default' },
  direction: { IN: 'green', OUT: 'volcano' },
  recon: { MATCHED: 'success', AMOUNT_MISMATCH: 'error', MISSING_IN_BANK: 'warning', MISSING_IN_SYSTEM: 'magenta' },
  followUp: { OPEN: 'processing', RESOLVED: 'success' },
  pull: { OK: 'success', SUCCESS: 'success', FAILED: 'error', ERROR: 'error', RUNNING: 'processing' },
};

export type StatementStateKind = keyof typeof STATEMENT_STATE_COLORS;

export function StateTag({ kind, value, testId }: { kind: StatementStateKind; value: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <Tag color={STATEMENT_STATE_COLORS[kind][value] ?? 'default'} data-testid={testId ?? `state-${kind}`}>
      {t(`state.${kind}.${value}`, { defaultValue: value })}
    </Tag>
  );
}
