import { describe, expect, it } from 'vitest';
import { classifyReport } from '../../../electron/services/bounces/classify';
import { parseBounceFast } from '../../../electron/services/bounces/fastParser';
import { decodeEncodedWords } from '../../../electron/services/bounces/headerFields';
import { parseBounce } from '../../../electron/services/bounces/parseBounce';
import { htmlToText } from '../../../electron/services/bounces/reportBuilder';

const brokenReport = [
  'From: MAILER-DAEMON@mail.example.nl',
  'To: bounces@shop.nl',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status',
  '',
  'Final-Recipient: rfc822; weg@example.nl',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
  '',
].join('\r\n');

describe('parseBounce', () => {
  it('falls back to mailparser when the light parser cannot read the structure', async () => {
    expect(parseBounceFast(Buffer.from(brokenReport))).toBeNull();
    const verdict = classifyReport(await parseBounce(Buffer.from(brokenReport)));
    expect(verdict).toMatchObject({ kind: 'hard', recipient: 'weg@example.nl', status: '5.1.1' });
  });

  it('treats an empty or header-less message as no bounce, without throwing', async () => {
    expect(classifyReport(await parseBounce(Buffer.from(''))).kind).toBe('not_bounce');
    expect(classifyReport(await parseBounce(Buffer.from('just some text\r\n'))).kind).toBe(
      'not_bounce',
    );
  });

  it('decodes encoded subjects in any charset', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?Afwezig:_Jos=E9?=')).toBe('Afwezig: José');
    expect(decodeEncodedWords('=?utf-8?B?T25iZXN0ZWxiYWFy?= =?utf-8?Q?:_test?=')).toBe(
      'Onbestelbaar: test',
    );
    expect(decodeEncodedWords('plain')).toBe('plain');
  });

  it('reads the words of an HTML-only explanation', () => {
    expect(htmlToText('<p>Your message to <b>a@b.nl</b> couldn&#39;t be delivered.</p>')).toBe(
      "Your message to a@b.nl couldn't be delivered.",
    );
  });
});
