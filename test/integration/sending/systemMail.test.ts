import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSystemMail } from '../../../electron/services/sending/systemMail';
import { outboxDir } from '../../../electron/services/sending/transport';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startSmtpSink, type SmtpSink } from './smtpSink';

describe('sendSystemMail', () => {
  let app: TestApp | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    app = undefined;
    sink = undefined;
  });

  it('stores the mail as an .eml file in the outbox when no SMTP server is configured', async () => {
    app = await startTestApp();
    app.app.context.settings.update({
      shop: {
        ...app.app.context.settings.read().shop,
        name: 'Bakkerij Jansen',
        email: 'info@bakkerij.nl',
      },
    });
    const result = await sendSystemMail(app.app.context, {
      to: 'eigenaar@bakkerij.nl',
      subject: 'Uw code: 123456',
      html: '<p>Code <b>123456</b></p>',
      text: 'Code 123456',
    });
    expect(result.outboxFile).toMatch(/\.eml$/);
    const files = readdirSync(outboxDir(app.dataDir));
    expect(files).toEqual([result.outboxFile]);
    const raw = readFileSync(join(outboxDir(app.dataDir), result.outboxFile!), 'utf8');
    expect(raw).toContain('To: eigenaar@bakkerij.nl');
    expect(raw).toContain('From: Bakkerij Jansen <info@bakkerij.nl>');
    expect(raw).toContain(`Message-ID: ${result.messageId}`);
  });

  it('delivers through the configured SMTP server with the stored password', async () => {
    sink = await startSmtpSink({ credentials: { user: 'winkel', pass: 'geheim' } });
    app = await startTestApp();
    app.app.context.settings.update({
      smtp: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        user: 'winkel',
        password: 'geheim',
      },
    });
    const result = await sendSystemMail(app.app.context, {
      to: 'klant@example.nl',
      from: { name: 'Winkel', email: 'winkel@example.nl' },
      subject: 'Bevestig uw inschrijving',
      html: '<p>Klik</p>',
      text: 'Klik',
    });
    expect(result.outboxFile).toBeUndefined();
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toEqual(['klant@example.nl']);
    expect(sink.received[0]!.messageId).toBe(result.messageId);
  });

  it('explains a wrong password in plain words', async () => {
    sink = await startSmtpSink({ credentials: { user: 'winkel', pass: 'geheim' } });
    app = await startTestApp();
    app.app.context.settings.update({
      smtp: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        user: 'winkel',
        password: 'fout',
      },
    });
    const error = await sendSystemMail(app.app.context, {
      to: 'klant@example.nl',
      subject: 'x',
      html: 'x',
      text: 'x',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'sending:smtp.auth' });
    expect(sink.received).toHaveLength(0);
  });
});
