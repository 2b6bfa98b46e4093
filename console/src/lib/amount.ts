/**
 * Amounts travel as decimal strings ("1234.5") and are never turned into JS numbers: formatting is string arithmetic,
 * so 18-decimal ETH amounts and large HKD amounts stay exact.
 */
export const ASSET_SCALE: Record<string, number> = { HKD: 2, USD: 2, CNY: 2, BTC: 8, ETH: 18, USDT: 6 };

export function scaleOf(asset: string | undefined | null): number {
  if (!asset) return 2;
  return ASSET_SCALE[asset.toUpperCase()] ?? 2;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Adds one unit in the last place to a string of digits ("199" -> "200", "99" -> "100"). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  let i = out.length - 1;
  while (i >= 0) {
    if (out[i] === '9') {
      out[i] = '0';
      i--;
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return '1' + out.join('');
}

function group(intPart: string, separator: string): string {
  let result = '';
  for (let i = 0; i < intPart.length; i++) {
    const fromEnd = intPart.length - i;
    result += intPart[i];
    if (fromEnd > 1 && fromEnd % 3 === 1) result += separator;
  }
  return result;
}

/**
 * Formats a decimal string with exactly `scale` decimals (padding, or rounding half-up when it has more) and thousands
 * separators. Returns the input unchanged when it is not a plain decimal, so a surprising value is shown, not hidden.
 */
export function formatDecimal(value: string | null | undefined, scale: number, separator = ','): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return text;
  const sign = m[1] === '-' ? '-' : '';
  let intPart = m[2].replace(/^0+(?=\d)/, '') || '0';
  let frac = m[3] ?? '';
  if (frac.length > scale) {
    const roundUp = frac.charCodeAt(scale) >= '5'.charCodeAt(0);
    const kept = intPart + frac.slice(0, scale);
    const rounded = roundUp ? incrementDigits(kept) : kept;
    const cut = rounded.length - scale;
    intPart = rounded.slice(0, cut).replace(/^0+(?=\d)/, '') || '0';
    frac = rounded.slice(cut);
  } else {
    frac = frac.padEnd(scale, '0');
  }
  const isZero = /^0*$/.test(intPart + frac);
  return (isZero ? '' : sign) + group(intPart, separator) + (scale > 0 ? '.' + frac : '');
}

/** Formats an amount of the given asset with the asset's scale. */
export function formatAmount(value: string | null | undefined, asset: string | null | undefined): string {
  return formatDecimal(value, scaleOf(asset));
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * An amount typed in a filter, for the server: "5,000.50" (grouped in thousands, as the console shows amounts) becomes
 * "5000.50". Anything else is only trimmed, so the server still refuses what is ambiguous ("5,00", "5.000,50").
 * Empty → undefined (no filter).
 */
export function plainAmount(text: string | null | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return undefined;
  return GROUPED.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
}

/** The amount range a filter form's AmountRangeFields hold, for the server: each bound as plainAmount makes it. */
export function amountRange(values: { minAmount?: string; maxAmount?: string }): { minAmount?: string; maxAmount?: string } {
  return { minAmount: plainAmount(values.minAmount), maxAmount: plainAmount(values.maxAmount) };
}
