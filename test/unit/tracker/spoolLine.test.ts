import { describe, expect, it } from 'vitest';
import { readSpoolLine, spoolLine } from '../../../tracker/spool/spoolLine';

const read = (line: string) => readSpoolLine(line.slice(0, -1));

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
    ])
      expect(readSpoolLine(line)).toBeNull();
  });
});
