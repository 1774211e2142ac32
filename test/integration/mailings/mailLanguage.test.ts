import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the mail language setting', () => {
  it('is Dutch until the account chooses English, and the preview follows it', async () => {
    t = await startTestApp();
    expect((await t.call('settings.get', {})).mailLanguage).toBe('nl');
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    // A mailing without a footer block gets one added, in the mail language.
    await t.call('mailings.update', {
      id: mailing.id,
      patch: { document: { ...mailing.document, blocks: [] } },
    });
    const dutch = await t.call('mailings.preview', { id: mailing.id });
    expect(dutch.html).toContain('<html lang="nl"');
    expect(dutch.html).toContain('>Afmelden</a>');

    const view = await t.call('settings.update', { mailLanguage: 'en' });
    expect(view).toMatchObject({ mailLanguage: 'en', language: 'nl' });
    const english = await t.call('mailings.preview', { id: mailing.id });
    expect(english.html).toContain('<html lang="en"');
    expect(english.html).toContain('>Unsubscribe</a>');
    expect(english.html).not.toContain('Afmelden');
  });

  it('refuses a language it does not know', async () => {
    t = await startTestApp();
    const answer = await t.app.handlers['settings.update']({ mailLanguage: 'de' } as never);
    expect(answer.ok).toBe(false);
  });
});
