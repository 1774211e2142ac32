import { afterEach, describe, expect, it } from 'vitest';
import { isValidEmail, normalizeEmail } from '../../../electron/services/suppression/email';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('SuppressionStore', () => {
  it('matches addresses whatever their case or spacing, and keeps the first reason', async () => {
    t = await startTestApp();
    const store = t.app.context.suppression;
    expect(store.suppress(' Anna@Example.NL ', 'unsubscribed', 'tracker')).toBe(true);
    expect(store.isSuppressed('anna@example.nl')).toBe(true);
    expect(store.suppress('anna@example.nl', 'hard_bounce', 'smtp')).toBe(false);
    expect(store.get('ANNA@example.nl')?.reason).toBe('unsubscribed');
  });

  it('suppresses on the third soft bounce, and lifting clears the count', async () => {
    t = await startTestApp();
    const store = t.app.context.suppression;
    expect(store.recordSoftBounce('b@example.nl', '4.2.2 mailbox full')).toBe(1);
    expect(store.recordSoftBounce('b@example.nl', '4.2.2 mailbox full')).toBe(2);
    expect(store.isSuppressed('b@example.nl')).toBe(false);
    expect(store.recordSoftBounce('b@example.nl', '4.2.2 mailbox full')).toBe(3);
    expect(store.get('b@example.nl')?.reason).toBe('soft_bounce');
    expect(store.lift('b@example.nl')).toBe(true);
    expect(store.isSuppressed('b@example.nl')).toBe(false);
    expect(store.recordSoftBounce('b@example.nl', 'again')).toBe(1);
  });

  it('takes back one soft bounce at a time without lifting a suppression', async () => {
    t = await startTestApp();
    const store = t.app.context.suppression;
    for (let i = 0; i < 3; i += 1) store.recordSoftBounce('c@example.nl', '4.2.2 mailbox full');
    expect(store.isSuppressed('c@example.nl')).toBe(true);
    expect(store.forgetSoftBounce(' C@Example.NL ')).toBe(2);
    expect(store.softBounceCount('c@example.nl')).toBe(2);
    expect(store.isSuppressed('c@example.nl')).toBe(true);
    expect(store.lift('c@example.nl', { keepSoftBounceCount: true })).toBe(true);
    expect(store.softBounceCount('c@example.nl')).toBe(2);
    expect(store.forgetSoftBounce('c@example.nl')).toBe(1);
    expect(store.forgetSoftBounce('c@example.nl')).toBe(0);
    expect(store.forgetSoftBounce('c@example.nl')).toBe(0);
    expect(store.forgetSoftBounce('nooit@example.nl')).toBe(0);
    const rows = t.app.context.database.sqlite
      .prepare('select count(*) as n from soft_bounces')
      .get() as { n: number };
    expect(rows.n).toBe(0);
    expect(store.recordSoftBounce('c@example.nl', 'again')).toBe(1);
  });
});

describe('email addresses', () => {
  it('normalises and validates', () => {
    expect(normalizeEmail('  Jan.Jansen@Winkel.NL')).toBe('jan.jansen@winkel.nl');
    for (const good of ['a@b.nl', 'jan.de.vries+nieuws@mail.example.com', "o'brien@shop.ie"]) {
      expect(isValidEmail(good)).toBe(true);
    }
    for (const bad of [
      '',
      'geen-adres',
      'a@b',
      'a b@c.nl',
      'a@@b.nl',
      'a@b..nl',
      '<a@b.nl>',
      '=HYPERLINK("x")',
      'jan..jansen@winkel.nl',
      '.jan@winkel.nl',
      'jan.@winkel.nl',
      'ｊａｎ@winkel.nl',
      'jan＠winkel.nl',
      'zoë@winkel.nl',
    ]) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('takes accents before the @ only where the server announces SMTPUTF8, never full-width', () => {
    expect(isValidEmail('zoë.renée@winkel.nl', { smtpUtf8: true })).toBe(true);
    expect(isValidEmail('ｊａｎ@winkel.nl', { smtpUtf8: true })).toBe(false);
    expect(isValidEmail('zoë..renée@winkel.nl', { smtpUtf8: true })).toBe(false);
  });
});
