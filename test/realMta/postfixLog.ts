import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** Reads what Postfix appended to its log since the last call (postlogd writes it by lines). */
export class LogTail {
  private offset = 0;
  private partial = '';

  constructor(private readonly file: string) {
    this.offset = existsSync(file) ? statSync(file).size : 0;
  }

  newLines(): string[] {
    if (!existsSync(this.file)) return [];
    const size = statSync(this.file).size;
    if (size <= this.offset) return [];
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    this.offset = size;
    const lines = (this.partial + buffer.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    return lines;
  }
}

/** What Postfix's log says about the messages it received and the sessions cut short. */
export interface LogSummary {
  /** cleanup's `message-id=` lines: a message whose DATA began, whether it was finished or not. */
  dataBegun: Set<string>;
  /** qmgr's `(queue active)` lines: messages accepted (the 250 after the final dot). */
  accepted: number;
  /** smtpd's `lost connection after DATA (n bytes)`: content cut before the final dot. */
  lostAfterData: string[];
  /** Other `lost connection after <command>` lines, by command. */
  lostAfter: Record<string, number>;
  deliveredToMaildir: number;
}

export function summarizeLog(file: string): LogSummary {
  const summary: LogSummary = {
    dataBegun: new Set(),
    accepted: 0,
    lostAfterData: [],
    lostAfter: {},
    deliveredToMaildir: 0,
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const messageId = /postfix\/cleanup\[\d+\]: \w+: message-id=(\S+)/.exec(line)?.[1];
    if (messageId) summary.dataBegun.add(messageId);
    if (/postfix\/qmgr\[\d+\]: \w+: from=.*\(queue active\)/.test(line)) summary.accepted += 1;
    if (/status=sent \(delivered to maildir\)/.test(line)) summary.deliveredToMaildir += 1;
    const lost = /lost connection after (\S+)( \(\d+ bytes\))?/.exec(line);
    if (lost?.[1] === 'DATA') summary.lostAfterData.push(line.slice(line.indexOf('lost')));
    else if (lost?.[1]) summary.lostAfter[lost[1]] = (summary.lostAfter[lost[1]] ?? 0) + 1;
  }
  return summary;
}
