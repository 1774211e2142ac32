import type { CompiledMailing } from './compile';
import type { CompileImage } from './context';
import { escapeHtml } from './escape';
import { fillTemplate, type Slot } from './slots';
import { variableValue } from './variables';

const NO_DATA = new Map<string, string>();

/**
 * The mailing's web version ("Online versie"): one page for everyone, so nothing personal in it.
 * Variables show their fallback or nothing (as for a contact without that value), links go
 * straight to their target, no open pixel, no barcode, and unsubscribing is a mail to the sender
 * instead of a per-recipient token. Images need a URL a browser can fetch (hostedUrl): a cid:
 * image only exists inside a mail.
 */
export function renderWebVersion(
  compiled: CompiledMailing,
  hostedUrl: (image: CompileImage) => string | undefined,
): string {
  const unsubscribe = `mailto:${compiled.sender.email}?subject=${encodeURIComponent(compiled.texts.unsubscribeSubject)}`;
  const valueOf = (slot: Slot): string => {
    switch (slot.kind) {
      case 'var': {
        const value = variableValue(NO_DATA, slot.name, slot.fallback);
        if (slot.format === 'url') return encodeURIComponent(value);
        return slot.format === 'html' ? escapeHtml(value) : value;
      }
      case 'link': {
        const url = compiled.links[slot.linkId - 1]?.url ?? '';
        return slot.format === 'html' ? escapeHtml(url) : url;
      }
      case 'unsubscribeUrl':
        return slot.format === 'html' ? escapeHtml(unsubscribe) : unsubscribe;
      case 'imageSrc': {
        const source = compiled.imageSources.get(slot.imageId);
        const url = source && hostedUrl(source.image);
        return url ? escapeHtml(url) : '';
      }
      // The web version is the page itself; the pixel and barcode are per recipient.
      case 'webVersion':
      case 'pixel':
      case 'barcode':
        return '';
    }
  };
  return fillTemplate(compiled.html, compiled.slots.map(valueOf));
}
