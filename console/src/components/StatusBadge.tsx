import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** One colour mapping per state enum; labels come from i18n ("state.<ENUM>.<VALUE>"). */
export const STATE_COLORS: Record<string, Record<string, string>> = {
  opening: { OPENING: 'processing', OPENED: 'success', REJECTED: 'error', CLOSED: 'default' },
  workOrder: { PENDING: 'processing', APPROVED: 'success', REJECTED: 'error', CANCELLED: 'default' },
};

export function StatusBadge({ kind, value }: { kind: keyof typeof STATE_COLORS; value: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[kind][value] ?? 'default'} data-testid={`state-${kind}`}>
      {t(`state.${kind}.${value}`, { defaultValue: value })}
    </Tag>
  );
}
