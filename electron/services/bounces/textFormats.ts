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
 * The layout most MTAs share: a block starts with the address on a line of its own, followed by
 * a colon or followed by its words — qmail and Yahoo `<a@b>:`, Postfix `<a@b>: host … said: …`,
 * OpenSMTPD `a@b: 550 …`, GMX `"a@b":`, Zoho `a@b Invalid Address, …`, Exchange 5.5
 * `a@b on <date>`, Exim's indented address under "The following address(es) failed:",
 * Sendmail's `<a@b>` — and runs to the next blank line.
 */
const BLOCK_START = new RegExp(
  String.raw`^[ \t]*[<"]?(${ADDRESS})[>"]?(?::|\.\.\.)?(?:[ \t]+(.*))?$`,
  'i',
);
/** A line that is only an address, or an address followed by a colon or by words. */
const OPENS_BLOCK = /^[ \t]*(<|"\S+@|\S+@\S+(:|\s*$|\s+\S))/;
/** A line that only leads in to the words below it ("For the following reason:"). */
const LEAD_IN = /:\s*$/;

function addressBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const paras = paragraphs(text);
  for (const paragraph of paras) {
    const lines = paragraph.split(/\r?\n/);
    let current: TextBlock | null = null;
    for (const line of lines) {
      const match = BLOCK_START.exec(line);
      // A line that is only an address (or address: words) opens a block; prose mentioning one does not.
      if (match && OPENS_BLOCK.test(line)) {
        current = { recipient: match[1]!.toLowerCase(), diagnostic: match[2] ?? '' };
        blocks.push(current);
      } else if (current) {
        current.diagnostic += ` ${line}`;
      }
    }
  }
  for (const block of blocks) completeFromNeighbours(block, paras);
  return blocks.map((b) => ({ recipient: b.recipient, diagnostic: clean(b.diagnostic) }));
}

/**
 * Exim, 1&1 and Domino put the address and its words in separate paragraphs, some behind a lead-in
 * ("For the following reason:"); EZweb puts the words before the address: take the neighbour that
 * does not open a block of its own.
 */
function completeFromNeighbours(block: TextBlock, paras: string[]): void {
  const words = clean(block.diagnostic);
  if (words !== '' && !LEAD_IN.test(words)) return;
  const index = paras.findIndex((p) => p.toLowerCase().includes(block.recipient));
  if (index === -1) return;
  const next = paras[index + 1];
  if (next && !opensBlock(next)) {
    block.diagnostic = `${words} ${next}`;
    if (LEAD_IN.test(clean(next))) block.diagnostic += ` ${paras[index + 2] ?? ''}`;
    return;
  }
  const previous = paras[index - 1];
  if (words === '' && previous && !opensBlock(previous) && !LEAD_IN.test(clean(previous))) {
    block.diagnostic = previous;
  }
}

function opensBlock(paragraph: string): boolean {
  return paragraph.split(/\r?\n/).some((line) => BLOCK_START.test(line) && OPENS_BLOCK.test(line));
}

/**
 * Gmail and Google Workspace write their own explanation under the address and the remote
 * server's reply further down, after "The error that the other server returned was:".
 */
const REPLY_MARKERS = [
  /(?:the error that the other server returned was|the response (?:from the remote server )?was|remote (?:server|host) (?:said|replied|returned))\s*:?[ \t]*/i,
  /technical details of (?:temporary|permanent) failure:[ \t]*/i,
];

export function remoteReply(text: string): string {
  const marker = REPLY_MARKERS.map((m) => m.exec(text)).find((m) => m !== null);
  if (!marker) return '';
  const after = text.slice(marker.index + marker[0].length).replace(/^\s*\r?\n/, '');
  return clean(paragraphs(after)[0] ?? '');
}

/** The remote server's reply joins the one block it belongs to, when the block lacks a code. */
function withRemoteReply(blocks: TextBlock[], text: string): TextBlock[] {
  if (blocks.length !== 1 || /\b[245]\d\d\b/.test(blocks[0]!.diagnostic)) return blocks;
  const reply = remoteReply(text);
  if (!reply) return blocks;
  return [
    { recipient: blocks[0]!.recipient, diagnostic: clean(`${blocks[0]!.diagnostic} ${reply}`) },
  ];
}

const FORMATS: readonly TextFormat[] = [
  { name: 'domino', applies: /was not delivered to:[\s\S]*because:/i, extract: domino },
  {
    name: 'office365',
    applies: /Diagnostic information for administrators:|Remote Server returned '/i,
    extract: office365,
  },
  { name: 'blocks', applies: /@/, extract: (text) => withRemoteReply(addressBlocks(text), text) },
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

/**
 * Gmail's own explanation followed by the remote server's reply, for a report that names no
 * address in its text ("You're sending this from a different address… The response was: …").
 */
export function explanationWithReply(text: string): string {
  const marker = REPLY_MARKERS.map((m) => m.exec(text)).find((m) => m !== null);
  if (!marker) return '';
  return clean(`${text.slice(0, marker.index).slice(-600)} ${remoteReply(text)}`);
}
