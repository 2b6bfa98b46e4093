import { formatAmount } from '../lib/amount';

/** An amount of an asset, with the asset's scale and thousands separators, right-aligned in tabular figures. */
export function Amount({ value, asset }: { value: string | null | undefined; asset: string }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatAmount(value, asset)}</span>;
}
