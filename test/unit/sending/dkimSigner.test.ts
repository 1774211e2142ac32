import { describe, expect, it } from 'vitest';
import { DkimSigner } from '../../../electron/services/sending/dkimSigner';
import { testDkimKey, verifyDkim } from '../../helpers/dkimVerify';

const key = testDkimKey();
const signer = new DkimSigner({
  domainName: 'bakkerij.nl',
  keySelector: 'wp20261206abcdef',
  privateKey: key.privateKey,
});
const NAME = 'wp20261206abcdef._domainkey.bakkerij.nl';

function message(extraHeaders = ''): Buffer {
  return Buffer.from(
    [
      'From: "Bakkerij" <info@bakkerij.nl>',
      'To: klant@example.nl',
      'Subject: =?UTF-8?Q?Verse_broodjes_=E2=82=AC1?=',
      'Date: Sun, 06 Dec 2026 19:00:00 +0000',
      'Message-ID: <abc@bakkerij.nl>',
      'List-Unsubscribe: <https://t.example/u/x>,',
      ' <mailto:bounces+u1@bakkerij.nl>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      extraHeaders,
      '',
      'Hallo  daar   ',
      '',
      '',
    ]
      .filter((line, i) => i !== 10 || line !== '')
      .join('\r\n'),
  );
}

describe('DkimSigner', () => {
  it('signs both List-Unsubscribe fields and over-signs From, Subject and both of them', async () => {
    const signed = signer.sign(message());
    const [result] = await verifyDkim(signed, NAME, key.record);
    expect(result?.status.result).toBe('pass');
    const h = /\bh=([^;]+);/.exec(signed.toString().replace(/\r\n /g, ''))![1]!.split(':');
    for (const name of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'])
      expect(h.filter((n) => n === name)).toHaveLength(2);
    expect(h).toContain('date');
    expect(h).toContain('message-id');
  });

  it('a second From or List-Unsubscribe added on the way breaks the signature', async () => {
    const signed = signer.sign(message()).toString('latin1');
    for (const added of ['From: boef@elders.nl', 'List-Unsubscribe: <https://boef.example/>']) {
      const tampered = Buffer.from(
        signed.replace('MIME-Version', `${added}\r\nMIME-Version`),
        'latin1',
      );
      const [result] = await verifyDkim(tampered, NAME, key.record);
      expect(result?.status.result).toBe('fail');
    }
  });

  it('a changed body fails; a message without the one-click field still verifies', async () => {
    const signed = signer.sign(message()).toString('latin1');
    const [changed] = await verifyDkim(
      Buffer.from(signed.replace('Hallo', 'Hello'), 'latin1'),
      NAME,
      key.record,
    );
    // mailauth calls a body hash mismatch 'neutral': anything but a pass.
    expect(changed?.status.result).not.toBe('pass');
    expect(changed?.status.comment).toMatch(/body hash/);
    const plain = Buffer.from(
      message()
        .toString('latin1')
        .replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n', ''),
      'latin1',
    );
    const [result] = await verifyDkim(signer.sign(plain), NAME, key.record);
    expect(result?.status.result).toBe('pass');
  });

  it('canonicalises a body with runs of blanks, tabs, blanks at line ends and a bare CR as verifiers do', async () => {
    const bodies = [
      ' \t a\tb  c \r\n\r\n  \t\r\nx \r\r\ny\t\r\n\r\n\r\n',
      'geen regeleinde aan het eind  \t',
      '\r\n\r\n',
      '',
    ];
    for (const body of bodies) {
      const head = message().toString('latin1').split('\r\n\r\n')[0]!;
      const raw = Buffer.from(`${head}\r\n\r\n${body}`, 'latin1');
      const [result] = await verifyDkim(signer.sign(raw), NAME, key.record);
      expect(result?.status.result, JSON.stringify(body)).toBe('pass');
    }
  });
});
