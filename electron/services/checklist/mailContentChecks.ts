import { MAX_IMAGE_WIDTH } from '../../contract/images';
import type { MailingT } from '../../contract/mailings';
import type { AppContext } from '../core/appContext';
import { composeMessage, renderForRecipient, type CompiledMailing } from '../render';
import { SAMPLE_DATA } from '../render/variables';
import type { RecipientList } from '../selections/recipients';
import type { Check } from './check';
import { emptyValuesInMemory, emptyValuesStaged } from './emptyValuesCheck';
import type { StagedTable } from './stagedReads';

/** HTML above this is clipped by Gmail ("[Bericht ingekort]") and weighs on spam scores. */
export const HTML_LIMIT_BYTES = 100 * 1024;

type Warnings = CompiledMailing['warnings'];

function variablesCheck(warnings: Warnings): Check {
  const unknown = warnings.filter((w) => w.code === 'unknownVariable');
  if (unknown.length === 0) return { id: 'variables', status: 'ok', outcome: 'ok' };
  const names = new Set(unknown.map((w) => String(w.params?.name ?? w.params?.variable ?? '')));
  return {
    id: 'variables',
    status: 'fail',
    outcome: 'unknown',
    params: { names: [...names].join(', ') },
  };
}

function footerCheck(context: Pick<AppContext, 'settings'>, mailing: MailingT): Check {
  const shop = context.settings.read().shop;
  if ([shop.name, shop.address, shop.city].some((field) => field.trim() === '')) {
    return {
      id: 'footer',
      status: 'fail',
      outcome: 'detailsMissing',
      fixAt: { account: 'shop' },
    };
  }
  if (mailing.document.blocks.some((b) => b.type === 'footer')) {
    return { id: 'footer', status: 'ok', outcome: 'ok' };
  }
  return { id: 'footer', status: 'warn', outcome: 'added' };
}

function imagesCheck(compiled: CompiledMailing): Check {
  const { warnings } = compiled;
  const missing = warnings.filter((w) => w.code === 'imageMissing').length;
  if (missing > 0)
    return { id: 'images', status: 'fail', outcome: 'missing', params: { count: missing } };
  const missingAlt = warnings.filter((w) => w.code === 'imageWithoutAlt').length;
  const tooWide = [...compiled.imageSources.values()].filter(
    (s) => s.image.width > MAX_IMAGE_WIDTH,
  ).length;
  if (missingAlt + tooWide === 0) return { id: 'images', status: 'ok', outcome: 'ok' };
  return {
    id: 'images',
    status: 'warn',
    outcome: 'attention',
    params: { missingAlt, tooWide, max: MAX_IMAGE_WIDTH },
  };
}

function linksCheck(compiled: CompiledMailing): Check {
  const invalid: string[] = [];
  const plain: string[] = [];
  for (const link of compiled.links) {
    let url: URL | null;
    try {
      url = new URL(link.url);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || !url.hostname.includes('.'))
      invalid.push(link.url);
    else if (url.protocol === 'http:') plain.push(link.url);
  }
  if (invalid.length > 0) {
    return {
      id: 'links',
      status: 'fail',
      outcome: 'invalid',
      params: { list: invalid.slice(0, 5).join(', ') },
    };
  }
  if (plain.length > 0) {
    return {
      id: 'links',
      status: 'warn',
      outcome: 'http',
      params: { list: plain.slice(0, 5).join(', ') },
    };
  }
  return { id: 'links', status: 'ok', outcome: 'ok', params: { count: compiled.links.length } };
}

/** The mail for the first recipient as the queue writes it: its HTML and whole-message size. */
function htmlSizeCheck(
  context: Pick<AppContext, 'clock'>,
  compiled: CompiledMailing,
  firstData: Record<string, unknown> | undefined,
): Check {
  const sample = renderForRecipient(compiled, {
    email: SAMPLE_DATA.email!,
    data: firstData ?? SAMPLE_DATA,
    recipientId: 'checklist',
  });
  const bytes = Buffer.byteLength(sample.html, 'utf8');
  const kb = Math.round(bytes / 1024);
  // The whole message (headers, both parts, inline barcode): its real size.
  const messageKb = Math.round(
    composeMessage(compiled, sample, {
      to: SAMPLE_DATA.email!,
      messageId: '<size@winkelpost>',
      date: new Date(context.clock.now()),
    }).length / 1024,
  );
  return bytes < HTML_LIMIT_BYTES
    ? { id: 'htmlSize', status: 'ok', outcome: 'ok', params: { kb, messageKb } }
    : { id: 'htmlSize', status: 'fail', outcome: 'tooLarge', params: { kb, messageKb, max: 100 } };
}

/** The first recipient's data (the mail the size is measured on): one read, not a whole pass. */
function firstData(recipients: RecipientList): Record<string, unknown> | undefined {
  for (const { data } of recipients) return data;
  return undefined;
}

/**
 * Step 4 (Inhoud) as compiled: variables, empty values, footer, images, links and size. A send's
 * staged recipients are counted in SQL; an answer held in memory is walked.
 */
export async function mailContentChecks(
  context: Pick<AppContext, 'settings' | 'clock' | 'database'>,
  mailing: MailingT,
  compiled: CompiledMailing,
  recipients: RecipientList,
  staged: StagedTable | null = null,
): Promise<Check[]> {
  const emptyValues = staged
    ? await emptyValuesStaged(context, mailing, compiled, staged)
    : await emptyValuesInMemory(mailing, compiled, recipients);
  return [
    variablesCheck(compiled.warnings),
    emptyValues,
    footerCheck(context, mailing),
    imagesCheck(compiled),
    linksCheck(compiled),
    htmlSizeCheck(context, compiled, firstData(recipients)),
  ];
}
