import { describe, expect, it } from 'vitest';
import { renderForRecipient } from '../../../electron/services/render';
import { MAIL_TEXTS } from '../../../electron/services/render/mailTexts';
import type { TrackingConfig } from '../../../electron/services/tracking/trackingConfig';
import { compileBlocks } from './renderHelpers';

const TRACKING: TrackingConfig = {
  baseUrl: 'https://track.example.nl',
  account: 'acc',
  kid: 'k1',
  key: Buffer.alloc(32, 7),
};
const RECIPIENT = {
  email: 'jan@example.nl',
  recipientId: 'r1',
  data: {
    waardebon_barcode: '8712345678906',
    waardebon_spaarpunten: '100',
    restant_spaarpunten: '5',
  },
};
const VOUCHER = { id: 'v', type: 'voucher', data: { showRemainingPoints: true } };

describe('fixed mail texts follow the mail language', () => {
  it('every language names every text', () => {
    const keys = Object.keys(MAIL_TEXTS.nl).sort();
    for (const texts of Object.values(MAIL_TEXTS)) expect(Object.keys(texts).sort()).toEqual(keys);
  });

  it('Dutch by default: Online versie, Afmelden, spaarpunten, lang="nl"', async () => {
    const compiled = await compileBlocks([VOUCHER], { tracking: TRACKING });
    const mail = renderForRecipient(compiled, RECIPIENT);
    expect(mail.html).toContain('<html lang="nl"');
    expect(mail.html).toContain('>Online versie</a>');
    expect(mail.html).toContain('Op basis van 100 spaarpunten');
    expect(mail.html).toContain('Je hebt nog 5 spaarpunten over.');
    expect(mail.text).toContain('Online versie: https://track.example.nl/w/');
    expect(mail.text).toContain('Bedrag: €');
    // The footer added to a mailing without one.
    expect(mail.html).toContain('>Afmelden</a>');
    expect(mail.unsubscribeMailto).toContain('subject=Afmelden');
  });

  it('English: View online, Unsubscribe, loyalty points, lang="en"; no Dutch fixed text left', async () => {
    const compiled = await compileBlocks([VOUCHER], { tracking: TRACKING, language: 'en' });
    const mail = renderForRecipient(compiled, RECIPIENT);
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.html).toContain('>View online</a>');
    expect(mail.html).toContain('Based on 100 loyalty points');
    expect(mail.html).toContain('You have 5 loyalty points left.');
    expect(mail.html).toContain('>Unsubscribe</a>');
    expect(mail.html).toContain('alt="Barcode 8712345678906"');
    expect(mail.text).toContain('View online: https://track.example.nl/w/');
    expect(mail.text).toContain('Amount: €');
    expect(mail.unsubscribeMailto).toContain('subject=Unsubscribe');
    for (const dutch of ['Online versie', 'Afmelden', 'spaarpunten', 'Bedrag', 'Je ontvangt'])
      expect(`${mail.html}\n${mail.text}`).not.toContain(dutch);
  });

  it("the shop's own footer label is kept whatever the mail language", async () => {
    const compiled = await compileBlocks(
      [{ id: 'f', type: 'footer', data: { unsubscribeLabel: 'Uitschrijven' } }],
      { language: 'en' },
    );
    expect(renderForRecipient(compiled, RECIPIENT).html).toContain('>Uitschrijven</a>');
  });
});
