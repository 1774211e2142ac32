import { describe, expect, it } from 'vitest';
import { readSpoolLine, spoolLine, TORN_LINE_END } from '../../../tracker/spool/spoolLine';

const read = (line: string) => readSpoolLine(line.slice(0, -1));

/** The lines the ingester finds in `bytes`, as it splits them (at each line feed). */
const linesOf = (bytes: Buffer) => bytes.toString('utf8').split('\n').slice(0, -1);

describe('spool lines', () => {
  it('reads back what was written, a user agent with tabs and non-ASCII text included', () => {
    const agent = 'Mozilla/5.0\t(Macintosh) Mail/16.0 \u00e9';
    expect(read(spoolLine('click', 1_764_000_000_123, '192.0.2.0', 'abc.def', agent))).toEqual({
      kind: 'click',
      at: 1_764_000_000_123,
      ip: '192.0.2.0',
      token: 'abc.def',
      userAgent: agent,
    });
  });

  it('keeps "no User-Agent" apart from an empty one, and no address apart from one', () => {
    expect(read(spoolLine('open', 1, null, 't', undefined))).toMatchObject({
      ip: undefined,
      userAgent: undefined,
    });
    expect(read(spoolLine('open', 1, '2001:db8:1::', 't', ''))).toMatchObject({
      ip: '2001:db8:1::',
      userAgent: '',
    });
  });

  it('caps the user agent at 512 characters', () => {
    expect(read(spoolLine('open', 1, null, 't', 'x'.repeat(2000)))?.userAgent).toHaveLength(512);
  });

  it('refuses what is not a spool line', () => {
    for (const line of [
      '',
      'o',
      'x\t1\t\tt\t',
      'o\tsoon\t\tt\t',
      'o\t-5\t\tt\t',
      'o\t1\t\tt',
      'open\t1\t\tt\t',
      'O\t1\t\tt\t=Mail',
      'O\t1\t\tt\r',
    ])
      expect(readSpoolLine(line)).toBeNull();
  });

  it('still reads the lines of the version before the end mark (a spool left by it)', () => {
    expect(readSpoolLine('o\t1764000000123\t192.0.2.0\tabc.def\t=Mozilla/5.0\tMail')).toEqual({
      kind: 'open',
      at: 1_764_000_000_123,
      ip: '192.0.2.0',
      token: 'abc.def',
      userAgent: 'Mozilla/5.0\tMail',
    });
    expect(readSpoolLine('c\t1\t\tabc.def\t')).toEqual({
      kind: 'click',
      at: 1,
      ip: undefined,
      token: 'abc.def',
      userAgent: undefined,
    });
  });

  it('never reads a line cut short, wherever the cut and whatever line feed follows it', () => {
    // Cut at every byte, also amid the two-byte "é" and right after a dot or a tab of the agent.
    const line = spoolLine('open', 1_764_000_000_123, '192.0.2.0', 'abc.def', 'Mail/16.\t\u00e9x');
    const bytes = Buffer.from(line);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const fragment = bytes.subarray(0, cut);
      // The writer's own ending after a torn write, and a bare line feed.
      for (const after of [TORN_LINE_END, '\n']) {
        const lines = linesOf(Buffer.concat([fragment, Buffer.from(after)]));
        const whole = cut === bytes.length - 1 && after === '\n';
        expect(
          lines.map(readSpoolLine).filter(Boolean),
          `cut ${cut} + ${JSON.stringify(after)}`,
        ).toHaveLength(whole ? 1 : 0);
      }
    }
  });
});
