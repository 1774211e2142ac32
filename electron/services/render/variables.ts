import { STANDARD_VARIABLES } from '../../contract/mailingDocument';

/** `[[naam]]` or `[[voornaam|klant]]`: the name, then an optional fallback for an empty value. */
const VARIABLE_PATTERN = /\[\[\s*([^\]|]{1,64}?)\s*(?:\|([^\]]{0,200}))?\]\]/g;

export type TextSegment = { text: string } | { name: string; fallback: string | undefined };

/** Cuts user text into literal pieces and variable references. */
export function parseVariables(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE_PATTERN)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    const fallback = match[2];
    segments.push({
      name: normalizeVariableName(match[1] ?? ''),
      fallback: fallback === undefined ? undefined : fallback,
    });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

export function normalizeVariableName(name: string): string {
  return name.trim().toLowerCase();
}

export function hasVariables(text: string): boolean {
  return text.includes('[[');
}

/** The variables a mailing may use: the standard ones plus the extra columns of its selections. */
export function knownVariables(extraColumns: readonly string[] = []): Set<string> {
  return new Set([...STANDARD_VARIABLES, ...extraColumns.map(normalizeVariableName)]);
}

/** Shown in the preview when no contact is chosen (the manual's example values). */
export { SAMPLE_DATA } from '../../contract/plain/variables';

const amountFormat = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/**
 * "10.5", "10,50", "€ 10,50" and 10.5 all become "10,50" (the amount follows a "€" in the text).
 * Anything that is not a number is left as the shop's system wrote it.
 */
export function formatAmount(raw: string): string {
  const value = raw.replace(/€|eur/gi, '').replace(/\s/g, '');
  if (!/^-?[\d.,]+$/.test(value)) return raw.trim();
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  const integer = decimalAt === -1 ? value : value.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : value.slice(decimalAt + 1);
  const number = Number(`${integer.replace(/[.,]/g, '')}.${fraction || '0'}`);
  return Number.isFinite(number) ? amountFormat.format(number) : raw.trim();
}

/** A contact's data as lower-case keys and strings (selections may hold numbers). */
export function normalizeData(data: Record<string, unknown>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    map.set(normalizeVariableName(key), typeof value === 'string' ? value : String(value));
  }
  return map;
}

/** The value a recipient sees (before escaping); '' when empty and no fallback. */
export function variableValue(
  data: Map<string, string>,
  name: string,
  fallback: string | undefined,
): string {
  const raw = (data.get(name) ?? '').trim();
  if (raw === '') return fallback ?? '';
  return name === 'waardebon_bedrag' ? formatAmount(raw) : raw;
}
