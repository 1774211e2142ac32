import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { newBlock } from '../../../electron/services/render/document';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, seedMailing } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  t = sink = undefined;
});

describe('one render input for preview, test mail and send', () => {
  it('personalises the test mail for a contact exactly as the preview does, its own selection’s extra columns included', async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 1 });
    // A customer from a selection the mailing is not (yet) sent to, with a column of its own.
    const imported = await t.call('selections.import', {
      fileName: 'maten.csv',
      dataBase64: Buffer.from('email;voornaam;maat\nanna@example.nl;Anna;XL').toString('base64'),
      description: 'Maten',
      consent: true,
    });
    const contact = t.app.context.database.sqlite
      .prepare('select id from contacts where selection_id = ?')
      .get(imported.selectionId) as { id: number };
    const mailing = await t.call('mailings.get', { id: mailingId });
    const heading = newBlock('heading', 'size');
    await t.call('mailings.update', {
      id: mailingId,
      patch: {
        subject: 'Voor [[voornaam]] in maat [[maat]]',
        document: {
          ...mailing.document,
          blocks: [
            { ...heading, data: { ...heading.data, text: 'Uw maat: [[maat]]' } },
            ...mailing.document.blocks,
          ],
        },
      },
    });

    const preview = await t.call('mailings.preview', { id: mailingId, contactId: contact.id });
    const test = await t.call('send.test', {
      mailingId,
      to: ['eigenaar@bakkerij.nl'],
      contactId: contact.id,
    });
    expect(test.results[0]?.ok).toBe(true);
    const mail = await simpleParser(sink.received[0]!.raw);

    expect(preview.subject).toBe('Voor Anna in maat XL');
    expect(mail.subject).toBe(preview.subject);
    expect(preview.text).toContain('Uw maat: XL');
    expect(mail.text).toContain('Uw maat: XL');
    expect(mail.text).not.toContain('[[maat]]');
    // Everything but the per-mail parts (unsubscribe link) is the same text.
    const body = (text: string) => text.slice(0, text.indexOf('Uw maat: XL') + 12);
    expect(body(mail.text ?? '')).toBe(body(preview.text));
  });
});
