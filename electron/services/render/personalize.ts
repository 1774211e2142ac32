import { SECONDARY_TEXT_COLOR } from '../../contract/plain/contrast';
import type { PreviewWarningT } from '../../contract/mailings';
import { recipientTokenSigner, type TokenKind } from '../../../tracker/tokens';
import { barcodePng, type BarcodeImage } from './barcode';
import type { CompiledMailing } from './compile';
import { escapeHtml } from './escape';
import { fillTemplate, type Slot } from './slots';
import { normalizeData, variableValue } from './variables';

export interface Recipient {
  email: string;
  /** The contact's variables (naam, voornaam, …, extra columns). */
  data: Record<string, unknown>;
  /** Opaque id the tracker sees (send_jobs.recipient_id); never the address. */
  recipientId: string;
  /** Where unsubscribe requests by mail go (a tagged bounce-mailbox address); else the sender. */
  unsubscribeAddress?: string;
}

export interface RenderOptions {
  /**
   * preview: images and barcode as data: URLs, links as written and no pixel (looking at a preview
   * never counts as an open or a click); the rest is what the recipient gets.
   */
  mode: 'send' | 'preview';
}

export interface RenderedMail {
  subject: string;
  topLine: string;
  html: string;
  text: string;
  warnings: PreviewWarningT[];
  /** The barcode to attach inline (null when the mail shows none). */
  barcode: BarcodeImage | null;
  /** One-click https URL (RFC 8058), null without a tracker. */
  unsubscribeHttps: string | null;
  unsubscribeMailto: string;
}

export const BARCODE_CID = 'barcode@winkelpost';
/** Gmail cuts off HTML beyond about 102 KB ("[Bericht ingekort]"). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

const PIXEL_STYLE = 'display:block;border:0;width:1px;height:1px;';

/**
 * Fluid: as wide as it was drawn, less on a narrow phone (never wider than its column), and on
 * white whatever the client does in dark mode, so the till's scanner can read it.
 */
function barcodeStyle(width: number): string {
  return `display:block;margin:0 auto;border:0;width:100%;max-width:${width}px;height:auto;background-color:#ffffff;font-family:Consolas,Menlo,monospace;color:#000000;`;
}

function dataUrl(mime: string, bytes: Buffer): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

/** A recipient's value for every slot of the compiled mailing, and what goes beside the text. */
export interface RecipientValues {
  data: Map<string, string>;
  /** Per slot (compiled.slots), escaped for where it stands. */
  values: string[];
  barcode: BarcodeImage | null;
  unsubscribeHttps: string | null;
  unsubscribeMailto: string;
}

/**
 * Per recipient, only substitution: every slot of the compiled mailing gets this recipient's
 * value (escaped for where it stands). No MJML, no DOM.
 */
export function recipientValues(
  compiled: CompiledMailing,
  recipient: Recipient,
  options: RenderOptions = { mode: 'send' },
): RecipientValues {
  const data = recipientData(compiled, recipient.data);
  if (!data.has('email')) data.set('email', recipient.email);
  const preview = options.mode === 'preview';
  const tracking = compiled.tracking;
  const counting = preview ? null : tracking;
  const tokens = new Map<string, string>();
  // When the tokens were signed: the tracker flags an open or click within seconds as a machine's.
  const signedAt = Math.floor(Date.now() / 1000);
  const sign = tracking
    ? recipientTokenSigner(
        {
          kid: tracking.kid,
          account: tracking.account,
          mailing: compiled.mailingId,
          recipient: recipient.recipientId,
          iat: signedAt,
        },
        tracking.key,
      )
    : null;
  const token = (kind: TokenKind, link?: number): string => {
    const cacheKey = link === undefined ? kind : `${kind}:${link}`;
    let value = tokens.get(cacheKey);
    if (value === undefined && sign) {
      value = sign(kind, link);
      tokens.set(cacheKey, value);
    }
    return value ?? '';
  };
  const unsubscribeHttps = tracking ? `${tracking.baseUrl}/u/${token('unsubscribe')}` : null;
  const unsubscribeMailto = `mailto:${recipient.unsubscribeAddress ?? compiled.sender.email}?subject=${encodeURIComponent(compiled.texts.unsubscribeSubject)}`;
  const barcodeCode = variableValue(data, 'waardebon_barcode', undefined);
  const barcode = compiled.usesBarcode ? barcodePng(barcodeCode) : null;

  const valueOf = (slot: Slot): string => {
    switch (slot.kind) {
      case 'var': {
        const value = variableValue(data, slot.name, slot.fallback);
        if (slot.format === 'url') return encodeURIComponent(value);
        return slot.format === 'html' ? escapeHtml(value) : value;
      }
      case 'link': {
        const url = counting
          ? `${counting.baseUrl}/c/${token('click', slot.linkId)}`
          : (compiled.links[slot.linkId - 1]?.url ?? '');
        return slot.format === 'html' ? escapeHtml(url) : url;
      }
      case 'unsubscribeUrl': {
        const url = unsubscribeHttps ?? unsubscribeMailto;
        return slot.format === 'html' ? escapeHtml(url) : url;
      }
      case 'webVersion': {
        if (!tracking) return '';
        const url = `${tracking.baseUrl}/w/${token('web')}`;
        return slot.format === 'html'
          ? `<a href="${escapeHtml(url)}" target="_blank" style="color:${SECONDARY_TEXT_COLOR};text-decoration:underline;">${escapeHtml(compiled.texts.onlineVersion)}</a>`
          : `${compiled.texts.onlineVersion}: ${url}`;
      }
      case 'pixel':
        return counting
          ? `<img src="${escapeHtml(`${counting.baseUrl}/o/${token('open')}.gif`)}" width="1" height="1" alt="" style="${PIXEL_STYLE}">`
          : '';
      case 'imageSrc': {
        const source = compiled.imageSources.get(slot.imageId);
        if (!source) return '';
        if (preview) return dataUrl(source.image.mime, source.image.bytes);
        return escapeHtml(source.hostedUrl ?? `cid:${source.cid}`);
      }
      case 'barcode': {
        if (slot.format === 'text') return barcodeCode;
        if (!barcode) return '';
        const src = preview ? dataUrl('image/png', barcode.png) : `cid:${BARCODE_CID}`;
        return `<img src="${src}" width="${barcode.width}" height="${barcode.height}" alt="${escapeHtml(compiled.texts.barcodeAlt(barcodeCode))}" style="${barcodeStyle(barcode.width)}">`;
      }
    }
  };

  return {
    data,
    values: compiled.slots.map(valueOf),
    barcode,
    unsubscribeHttps,
    unsubscribeMailto,
  };
}

/** The subject line as the recipient sees it (one line, blanks collapsed). */
export function mailSubject(compiled: CompiledMailing, values: readonly string[]): string {
  return fillTemplate(compiled.subject, values).replace(/\s+/g, ' ').trim();
}

/** The plain-text part: empty slots leave no runs of blank lines. */
export function mailText(compiled: CompiledMailing, values: readonly string[]): string {
  return fillTemplate(compiled.text, values)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The whole mail for one recipient as text (preview, test send, checklist): the templates
 * joined with the recipient's values, and the warnings that hold for this recipient.
 */
export function renderForRecipient(
  compiled: CompiledMailing,
  recipient: Recipient,
  options: RenderOptions = { mode: 'send' },
): RenderedMail {
  const preview = options.mode === 'preview';
  const { data, values, barcode, unsubscribeHttps, unsubscribeMailto } = recipientValues(
    compiled,
    recipient,
    options,
  );
  const html = fillTemplate(compiled.html, values);
  const warnings = [...compiled.warnings];
  for (const variable of compiled.variables) {
    if (variable.withoutFallback && variableValue(data, variable.name, undefined) === '') {
      warnings.push({
        code: 'emptyValue',
        key: 'mailings:warnings.emptyValue',
        params: { name: variable.name },
      });
    }
  }
  // The size as mailed: a preview's data: images would count otherwise.
  const mailedHtml = preview
    ? fillTemplate(
        compiled.html,
        compiled.slots.map((slot, i) =>
          slot.kind === 'imageSrc' || slot.kind === 'barcode' ? 'cid:x' : (values[i] ?? ''),
        ),
      )
    : html;
  if (
    mailedHtml.length > GMAIL_CLIP_BYTES / 4 &&
    Buffer.byteLength(mailedHtml) > GMAIL_CLIP_BYTES
  ) {
    const kilobytes = Math.round(Buffer.byteLength(mailedHtml) / 1024);
    warnings.push({
      code: 'htmlTooLarge',
      key: 'mailings:warnings.htmlTooLarge',
      params: { kilobytes },
    });
  }
  return {
    subject: mailSubject(compiled, values),
    topLine: fillTemplate(compiled.topLine, values).replace(/\s+/g, ' ').trim(),
    html,
    text: mailText(compiled, values),
    warnings,
    barcode,
    unsubscribeHttps,
    unsubscribeMailto,
  };
}

/** A contact's values, with the barcode taken from the reference number where the shop chose so. */
function recipientData(
  compiled: CompiledMailing,
  contactData: Record<string, unknown>,
): Map<string, string> {
  const data = normalizeData(contactData);
  if (compiled.barcodeFromReference && (data.get('waardebon_barcode') ?? '').trim() === '')
    data.set('waardebon_barcode', data.get('referentienummer') ?? '');
  return data;
}

/** Names of variables this contact has no value for where no fallback is given (for the checklist). */
export function emptyVariables(
  compiled: CompiledMailing,
  contactData: Record<string, unknown>,
): string[] {
  const data = recipientData(compiled, contactData);
  return compiled.variables
    .filter((v) => v.withoutFallback && variableValue(data, v.name, undefined) === '')
    .map((v) => v.name);
}
