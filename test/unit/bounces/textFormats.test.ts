import { describe, expect, it } from 'vitest';
import { splitAtOriginalCopy } from '../../../electron/services/bounces/reportFields';
import { diagnosticFor, textBlocks } from '../../../electron/services/bounces/textFormats';

describe('per-recipient words in text bounces', () => {
  it('Exim: one block per address, with the SMTP phase', () => {
    const text = [
      'The following address(es) failed:',
      '',
      '  een@b.nl',
      '    host mx.b.nl [192.0.2.1]',
      '    SMTP error from remote mail server after RCPT TO:<een@b.nl>:',
      '    552 5.2.2 Mailbox full',
      '',
      '  twee@b.nl',
      '    host mx.b.nl [192.0.2.1]',
      '    SMTP error from remote mail server after RCPT TO:<twee@b.nl>:',
      '    550 5.1.1 User unknown',
    ].join('\n');
    expect(textBlocks(text).map((b) => b.recipient)).toEqual(['een@b.nl', 'twee@b.nl']);
    expect(diagnosticFor(text, 'een@b.nl')).toContain('Mailbox full');
    expect(diagnosticFor(text, 'een@b.nl')).not.toContain('User unknown');
  });

  it('qmail, OpenSMTPD and Domino', () => {
    expect(
      diagnosticFor('<a@b.nl>:\nSorry, no mailbox here by that name. (#5.1.1)\n', 'a@b.nl'),
    ).toBe('Sorry, no mailbox here by that name. (#5.1.1)');
    expect(diagnosticFor('recipients:\n\na@b.nl: 550 5.1.1 User unknown\n', 'a@b.nl')).toBe(
      '550 5.1.1 User unknown',
    );
    const domino =
      'was not delivered to:\n\n  a@b.nl\n\nbecause:\n\n  User a@b.nl not listed in Domino Directory\n';
    expect(textBlocks(domino)).toEqual([
      { recipient: 'a@b.nl', diagnostic: 'User a@b.nl not listed in Domino Directory' },
    ]);
  });

  it("Office 365: the remote server's reply, not the advice around it", () => {
    const text =
      "Your message to a@b.nl couldn't be delivered.\na wasn't found at b.nl.\nThe sender should contact the recipient.\n" +
      'Diagnostic information for administrators:\nGenerating server: AM0PR01.prod.exchangelabs.com\na@b.nl\n' +
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n";
    const [block] = textBlocks(text);
    expect(block!.diagnostic).toContain('RecipientNotFound');
    expect(block!.diagnostic).not.toContain('sender');
  });
});

describe('returned headers and the original message are cut off', () => {
  it.each([
    'Original message headers:',
    '------ This is a copy of the message, including all the headers. ------',
    '--- Below this line is a copy of the message.',
    'Below is a copy of the original message:',
  ])('after "%s"', (marker) => {
    const split = splitAtOriginalCopy(
      `The words.\n\n${marker}\n\nReceived-SPF: Fail (x)\nMessage-ID: <m@x>\n\nbody`,
    );
    expect(split.explanation).not.toContain('SPF');
    expect(split.originalHeaders).toContain('Message-ID: <m@x>');
  });

  it('and a header block pasted without a marker', () => {
    const split = splitAtOriginalCopy('The words.\n\nReceived-SPF: Fail (x)\nTo: a@b.nl\n');
    expect(split.explanation.trim()).toBe('The words.');
  });
});
