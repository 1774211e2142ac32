/**
 * Per-recipient diagnostics in the human-readable text of a bounce. Each MTA writes its own
 * layout; every extractor returns address → that address's own words, so one recipient's reason
 * never decides for another.
 */
export interface TextBlock {
  recipient: string;
  diagnostic: string;
}

interface TextFormat {
  name: string;
  applies: RegExp;
  extract: (text: string) => TextBlock[];
}

const ADDRESS = String.raw`[a-z0-9!#$%&'*+/=?^_\`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`;
const ADDRESS_RE = new RegExp(ADDRESS, 'i');

function paragraphs(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const DOMINO = new RegExp(
  String.raw`was not delivered to:\s*\r?\n\s*\r?\n?\s*(?:"?[^\n"]*"?\s*<)?(${ADDRESS})>?[\s\S]*?because:\s*\r?\n\s*\r?\n?([\s\S]*?)(?:\r?\n[ \t]*\r?\n|$)`,
  'i',
);

/** Domino/Notes: "was not delivered to: <address> because: <words>". */
function domino(text: string): TextBlock[] {
  const match = DOMINO.exec(text);
  return match ? [{ recipient: match[1]!.toLowerCase(), diagnostic: clean(match[2]!) }] : [];
}

/** Office 365 / Exchange HTML NDR: the "Diagnostic information for administrators" section. */
function office365(text: string): TextBlock[] {
  const at = text.search(/Diagnostic information for administrators:/i);
  const head = at === -1 ? text : text.slice(0, at);
  const tail = at === -1 ? '' : text.slice(at);
  const recipient =
    ADDRESS_RE.exec(tail.replace(/Generating server:[^\n]*/i, ''))?.[0] ??
    ADDRESS_RE.exec(head)?.[0];
  if (!recipient) return [];
  const remote = /Remote Server returned '([^']*)'?/i.exec(tail)?.[1] ?? '';
  const sentence =
    /(wasn't found at|couldn't be found|does not exist|mailbox is full|isn't accepting)[^\n]*/i.exec(
      head,
    )?.[0] ?? '';
  return [{ recipient: recipient.toLowerCase(), diagnostic: clean(`${remote} ${sentence}`) }];
}

/**
 * The layout most MTAs share: a block starts with the address on a line of its own or followed
 * by a colon — qmail and Yahoo `<a@b>:`, Postfix `<a@b>: host … said: …`, OpenSMTPD `a@b: 550 …`,
 * Exim's indented address under "The following address(es) failed:", Sendmail's `<a@b>` — and
 * runs to the next blank line.
 */
const BLOCK_START = new RegExp(
  String.raw`^[ \t]*<?(${ADDRESS})>?(?::|\.\.\.)?(?:[ \t]+(.*))?$`,
  'i',
);

function addressBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const start = BLOCK_START;
  for (const paragraph of paragraphs(text)) {
    const lines = paragraph.split(/\r?\n/);
    let current: TextBlock | null = null;
    for (const line of lines) {
      const match = start.exec(line);
      // A line that is only an address (or address: words) opens a block; prose mentioning one does not.
      if (match && (line.trim().startsWith('<') || /^[ \t]*\S+@\S+(:|\s*$)/.test(line))) {
        current = { recipient: match[1]!.toLowerCase(), diagnostic: match[2] ?? '' };
        blocks.push(current);
      } else if (current) {
        current.diagnostic += ` ${line}`;
      }
    }
  }
  // Exim and Domino put the address and its words in separate paragraphs: take the next one.
  const paras = paragraphs(text);
  for (const block of blocks) {
    if (clean(block.diagnostic) !== '') continue;
    const index = paras.findIndex((p) => p.toLowerCase().includes(block.recipient));
    const next = paras[index + 1];
    if (index !== -1 && next && !ADDRESS_RE.test(next.split(/\r?\n/)[0] ?? '')) {
      block.diagnostic = next;
    }
  }
  return blocks.map((b) => ({ recipient: b.recipient, diagnostic: clean(b.diagnostic) }));
}

const FORMATS: readonly TextFormat[] = [
  { name: 'domino', applies: /was not delivered to:[\s\S]*because:/i, extract: domino },
  {
    name: 'office365',
    applies: /Diagnostic information for administrators:|Remote Server returned '/i,
    extract: office365,
  },
  { name: 'blocks', applies: /@/, extract: addressBlocks },
];

/** Every recipient the text reports on, each with its own words (first format that finds any). */
export function textBlocks(text: string): TextBlock[] {
  for (const format of FORMATS) {
    if (!format.applies.test(text)) continue;
    const blocks = format.extract(text).filter((b) => b.diagnostic !== '');
    if (blocks.length > 0) return blocks;
  }
  return [];
}

/** The words about one address: its block, else the paragraph that names it. */
export function diagnosticFor(text: string, recipient: string): string {
  if (!text || !recipient) return '';
  const lower = recipient.toLowerCase();
  const block = textBlocks(text).find((b) => b.recipient === lower);
  if (block) return block.diagnostic;
  const paragraph = paragraphs(text).find((p) => p.toLowerCase().includes(lower));
  return paragraph ? clean(paragraph) : '';
}
