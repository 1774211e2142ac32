/**
 * A compiled mailing is text with numbered slots: the parts that differ per recipient (variables,
 * tracked links, unsubscribe URL, barcode, pixel) or per delivery mode (image sources: cid: in a
 * mail, data: in a preview). Slots are written into the MJML as private-use characters that MJML
 * leaves alone and a user cannot type into a field (escapeUserText strips them).
 */
export type Slot =
  | { kind: 'var'; name: string; fallback: string | undefined; format: 'html' | 'text' | 'url' }
  /** A link of the link table: tracked per recipient when the tracker is linked. */
  | { kind: 'link'; linkId: number; format: 'html' | 'text' }
  | { kind: 'unsubscribeUrl'; format: 'html' | 'text' }
  /** The whole "Online versie" link, empty without a tracker (there is no web version then). */
  | { kind: 'webVersion'; format: 'html' | 'text' }
  | { kind: 'pixel' }
  | { kind: 'imageSrc'; imageId: string }
  /** The voucher's barcode: an <img> in HTML, the code itself in text. */
  | { kind: 'barcode'; format: 'html' | 'text' };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT_PATTERN = /\uE000(\d+)\uE001/g;
/** The characters around a slot's number in a template's text. */
export const SLOT_MARKERS = [OPEN, CLOSE] as const;

export class SlotTable {
  readonly slots: Slot[] = [];
  private readonly index = new Map<string, number>();

  /** The placeholder for a slot; equal slots share one number, so each is resolved once. */
  ref(slot: Slot): string {
    const key = JSON.stringify(slot);
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.slots.length;
      this.slots.push(slot);
      this.index.set(key, n);
    }
    return `${OPEN}${n}${CLOSE}`;
  }
}

/** Removes slot markers from anything a user typed, so it can never address a slot. */
export function stripSlotMarkers(value: string): string {
  return value.includes(OPEN) || value.includes(CLOSE)
    ? value.replace(/[\uE000\uE001]/g, '')
    : value;
}

/**
 * Text cut at its slots: even indexes are literal text, odd ones slot numbers. Joining per
 * recipient is then one pass over a short array.
 */
export interface Template {
  literals: string[];
  slotAt: number[];
}

export function splitTemplate(text: string): Template {
  const literals: string[] = [];
  const slotAt: number[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT_PATTERN)) {
    literals.push(text.slice(last, match.index));
    slotAt.push(Number(match[1]));
    last = match.index + match[0].length;
  }
  literals.push(text.slice(last));
  return { literals, slotAt };
}

export function fillTemplate(template: Template, values: readonly string[]): string {
  const { literals, slotAt } = template;
  let out = literals[0] ?? '';
  for (let i = 0; i < slotAt.length; i += 1) {
    out += (values[slotAt[i] as number] ?? '') + (literals[i + 1] ?? '');
  }
  return out;
}

/** Which slots a template uses (so a recipient's values are computed only for those). */
export function usedSlots(...templates: Template[]): Set<number> {
  const used = new Set<number>();
  for (const t of templates) for (const n of t.slotAt) used.add(n);
  return used;
}
