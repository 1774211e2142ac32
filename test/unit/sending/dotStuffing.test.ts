import { describe, expect, it } from 'vitest';
import { dotStuffed } from '../../../electron/services/sending/dotStuffing';

const stuffed = (text: string) => dotStuffed(Buffer.from(text))?.toString();

describe('dot-stuffing a message for DATA', () => {
  it('doubles a dot that starts a line, the first line too, and nothing else', () => {
    expect(stuffed('.eerste\r\nmidden.punt\r\n.\r\n..twee\r\nslot.\r\n')).toBe(
      '..eerste\r\nmidden.punt\r\n..\r\n...twee\r\nslot.\r\n',
    );
    expect(stuffed('Subject: a\r\n\r\n.')).toBe('Subject: a\r\n\r\n..');
  });

  it('hands a message without such dots back as it is, without a copy', () => {
    const raw = Buffer.from('Subject: a\r\n\r\nGeen punt aan het begin.\r\n');
    expect(dotStuffed(raw)).toBe(raw);
    expect(dotStuffed(Buffer.alloc(0))).toHaveLength(0);
  });

  it('leaves a message with a bare CR or LF to the data stream, which repairs it', () => {
    expect(stuffed('a\nb\r\n')).toBeUndefined();
    expect(stuffed('\n.b\r\n')).toBeUndefined();
    expect(stuffed('a\r\n.\r.\r\n')).toBeUndefined();
    expect(stuffed('a\r\nb\r')).toBeUndefined();
  });
});
