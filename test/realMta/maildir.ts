import { closeSync, existsSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Delivery {
  /** The envelope recipient, as Postfix's virtual(8) writes it in Delivered-To. */
  to: string;
  messageId: string;
}

/** Files delivered so far (new/ and cur/). */
export function countDelivered(maildir: string): number {
  return ['new', 'cur']
    .map((sub) => join(maildir, sub))
    .filter((dir) => existsSync(dir))
    .reduce((sum, dir) => sum + readdirSync(dir).length, 0);
}

/** Every delivered message's recipient and Message-ID, read from its header only. */
export function readDeliveries(maildir: string): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(maildir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) deliveries.push(parseHeader(readHeader(join(dir, name))));
  }
  return deliveries;
}

/** The header block: read in pieces until the blank line (the DKIM signature makes it long). */
function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(16_384);
    let text = '';
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      text += chunk.subarray(0, n).toString('latin1');
      const end = text.search(/\r?\n\r?\n/);
      if (end >= 0) return text.slice(0, end);
      if (n === 0) return text;
    }
  } finally {
    closeSync(fd);
  }
}

function parseHeader(header: string): Delivery {
  const unfolded = header.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
  return { to: field('Delivered-To').toLowerCase(), messageId: field('Message-ID') };
}
