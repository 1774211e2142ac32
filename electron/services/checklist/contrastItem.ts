import type { ChecklistItemT } from '../../contract/checklist';
import type { MailingDocumentT } from '../../contract/mailingDocument';
import {
  contrastRatio,
  LARGE_TEXT_CONTRAST,
  MIN_TEXT_CONTRAST,
  SECONDARY_TEXT_COLOR,
} from '../../contract/plain/contrast';
import { fixes, item } from './items';

type Block = MailingDocumentT['blocks'][number];

/** One colour of text on one background somewhere in the mail (block 0: the mail as a whole). */
interface TextOnBackground {
  block: number;
  text: string;
  background: string;
  large: boolean;
}

/** The background a block's sections are painted with, as the renderer paints them. */
function blockBackground(block: Block, colors: MailingDocumentT['settings']['colors']): string {
  if (block.type === 'footer') return block.data.backgroundColor || colors.background;
  return block.style?.backgroundColor || colors.content;
}

/** Every text colour the mail shows, on the background it is shown on. */
export function textColourPairs(document: MailingDocumentT): TextOnBackground[] {
  const { colors } = document.settings;
  // "Online versie" at the top, on the page colour.
  const pairs: TextOnBackground[] = [
    { block: 0, text: SECONDARY_TEXT_COLOR, background: colors.background, large: false },
  ];
  document.blocks.forEach((block, index) => {
    const number = index + 1;
    const background = blockBackground(block, colors);
    const on = (text: string, large = false, own = background) =>
      pairs.push({ block: number, text, background: own, large });
    switch (block.type) {
      case 'text':
      case 'imageText':
      case 'twoColumns':
        on(colors.text);
        on(colors.link);
        break;
      case 'heading':
        // h1 (28 px) and h2 (22 px bold) count as large text; h3 (18 px bold) does not.
        on(block.data.color || colors.heading, block.data.level !== 'h3');
        break;
      case 'button':
        on(block.data.textColor, false, block.data.color || colors.accent);
        break;
      case 'voucher':
        on(colors.heading, true);
        on(block.data.color || colors.accent, true);
        on(colors.text);
        on(SECONDARY_TEXT_COLOR);
        break;
      case 'footer':
        on(block.data.textColor);
        break;
      default:
        break;
    }
  });
  return pairs;
}

/**
 * "Leesbaarheid": warns when the mailing's own colours put text below WCAG AA (4.5:1, large text
 * 3:1), naming the blocks and the lowest ratio. A warning, not a failure: the shop may choose
 * its house colours, but should know some readers cannot read them.
 */
export function contrastItem(mailingId: string, document: MailingDocumentT): ChecklistItemT {
  const weak = textColourPairs(document)
    .map((pair) => ({ ...pair, ratio: contrastRatio(pair.text, pair.background) }))
    .filter((pair) => pair.ratio < (pair.large ? LARGE_TEXT_CONTRAST : MIN_TEXT_CONTRAST));
  if (weak.length === 0) {
    return item(
      'contrast',
      'ok',
      'All text reads at 4.5:1 or more',
      'sending:checklist.contrast.ok',
      null,
    );
  }
  // Block 0 is the "Online versie" line on the page colour, not a block the shop can click.
  const blocks = [...new Set(weak.map((pair) => pair.block))].filter((b) => b > 0);
  const lowest = Math.min(...weak.map((pair) => pair.ratio));
  const params = { ratio: Math.floor(lowest * 10) / 10, blocks: blocks.join(', ') };
  const onlyTop = blocks.length === 0;
  return item(
    'contrast',
    'warn',
    `Text below WCAG AA contrast (lowest ${params.ratio}:1) in blocks ${params.blocks}`,
    onlyTop ? 'sending:checklist.contrast.pageColour' : 'sending:checklist.contrast.low',
    fixes.content(mailingId),
    params,
  );
}
