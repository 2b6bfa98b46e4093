/**
 * An actor as the server stores it on a ledger transfer, `KIND:id:name` (e.g. `OPERATOR:12:maker`,
 * `SYSTEM:0:demo-seed`), said the way the audit page says it: the name, then the kind in the operator's words.
 * Anything else is shown as it is.
 */
export function actorText(label: string | null | undefined, t: (key: string, options?: { defaultValue: string }) => string): string {
  if (!label) return '-';
  const m = /^(OPERATOR|CUSTOMER|INTEGRATION|SYSTEM):(\d+):(.*)$/.exec(label);
  if (!m) return label;
  const [, kind, id, name] = m;
  const who = name && name !== '-' ? name : `#${id}`;
  return `${who} (${t(`actorKind.${kind}`, { defaultValue: kind })})`;
}
