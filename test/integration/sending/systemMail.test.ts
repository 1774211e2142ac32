import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSystemMail } from '../../../electron/services/sending/systemMail';
import { outboxDir } from '../../../electron/services/sending/transport';
import { verifyDkim } from '../../helpers/dkimVerify';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('system mail (sender verification, re-subscription)', () => {
  it('is DKIM-signed and names the sender as one encoded word, never inside quotes', async () => {
    t = await startTestApp();
    const { context } = t.app;
    const key = await t.call('dkim.generate', { domain: 'bakkerij.nl' });
    const result = await sendSystemMail(context, {
      to: 'eigenaar@bakkerij.nl',
      subject: 'Uw code',
      html: '<p>Code 123456</p>',
      text: 'Code 123456',
      from: { name: 'Bakkerij Jansen & Zoon – Café', email: 'info@bakkerij.nl' },
    });
    const raw = readFileSync(join(outboxDir(context.dataDir), result.outboxFile!));
    const [signature] = await verifyDkim(raw, key.recordName, key.recordValue);
    expect(signature?.status.result).toBe('pass');
    const head = raw
      .toString('latin1')
      .split('\r\n\r\n')[0]!
      .replace(/\r\n[ \t]+/g, ' ');
    const from = /^From: (.*)$/m.exec(head)![1]!;
    expect(from).toMatch(/^=\?UTF-8\?[QB]\?.+\?= <info@bakkerij\.nl>$/i);
    expect(from).not.toContain('"');
  });
});
