/** Times come from the server in UTC (ISO-8601); operators read them in Hong Kong time. */
export const TIME_ZONE = 'Asia/Hong_Kong';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-22 18:05:09" in Hong Kong time, or "" for no value. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts: Record<string, string> = {};
  for (const p of formatter.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The start of a Hong Kong calendar day ("2026-11-22") as an ISO instant with offset, for filters. */
export function hkDayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The end (exclusive) of a Hong Kong calendar day, for filters. */
export function hkDayEnd(day: string): string {
  return `${day}T23:59:59.999+08:00`;
}
