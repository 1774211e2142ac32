import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../electron/paths';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, seedMailing } from '../sending/seed';
import { useReferenceAsBarcode } from './referenceAsBarcode';

const SHOP_LOGO = readFileSync(join(RESOURCES_DIR, 'branding/icons/kassapartner-logo.png'));

describe('a first mailing from a BASIS template', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const byId = async (mailingId: string) => {
    const checklist = await t!.call('checklist.get', { mailingId });
    return Object.fromEntries(checklist.items.map((i) => [i.id, i]));
  };
  const basis = async (key: 'basis-waardebon' | 'basis-nieuwsbrief') =>
    (await t!.call('mailings.list', { status: 'all' })).find((m) => m.templateKey === key)!;

  it('fails while the placeholder logo is in it, and new mailings carry the shop logo and colours', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const template = await basis('basis-waardebon');
    const before = await t.call('mailings.create', { type: 'voucher', fromId: template.id });

    // No shop logo yet: the fix is the logo's card on the account page.
    expect((await byId(before.id)).placeholder).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.placeholder.noLogo',
      fix: '#/account?section=identity',
      params: { blocks: '1' },
    });

    const identity = await t.call('identity.setLogo', {
      fileName: 'bakkerij.png',
      dataBase64: SHOP_LOGO.toString('base64'),
    });
    expect(identity.logo).toMatchObject({ fileName: 'bakkerij.png' });
    await t.call('identity.setColors', { colors: { accent: '#aa3300', heading: '', link: '' } });

    // The earlier copy still holds the placeholder: now the fix is choosing the logo in it.
    expect((await byId(before.id)).placeholder).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.placeholder.replace',
      fix: `#/mailings/${before.id}/inhoud`,
    });

    // A new copy and a blank mailing start with the shop's logo and accent colour.
    for (const created of [
      await t.call('mailings.create', { type: 'voucher', fromId: template.id }),
      await t.call('mailings.create', { type: 'newsletter' }),
    ]) {
      const logoBlock = created.document.blocks.find((b) => b.type === 'logo')!;
      const images = await t.call('images.list', { mailingId: created.id });
      const shown = images.find((i) => i.id === (logoBlock.data as { imageId: string }).imageId);
      expect(shown?.fileName).toBe('bakkerij.png');
      expect(created.document.settings.colors.accent).toBe('#aa3300');
      expect((await byId(created.id)).placeholder).toMatchObject({ status: 'ok' });
    }
  });

  it('fails a voucher mailing when customers lack a barcode or amount, naming them in order', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    // The seeded selection's one customer (Klant 0) has neither column.
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 1, type: 'voucher' });
    await importAndAttach(t, mailingId, [
      'email;naam;voornaam;waardebon_barcode;waardebon_bedrag',
      'piet@example.nl;Piet Bakker;Piet;8712345678906;10,50',
      'anna@example.nl;Anna de Vries;Anna;;10,50',
      'kees@example.nl;Kees Smit;Kees;8712345678913;',
    ]);
    const items = await byId(mailingId);
    expect(items.voucherCodes).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.voucherCodes.missing',
      fix: `#/mailings/${mailingId}/selecties`,
      params: {
        count: 3,
        list: 'Anna de Vries (anna@example.nl), Kees Smit (kees@example.nl), Klant 0 (klant00000@example.nl)',
        fields: '[[waardebon_barcode]], [[waardebon_bedrag]]',
      },
    });
    // Not twice: the yellow "empty values" line leaves the voucher's own fields to this line.
    expect(String(items.emptyValues!.params?.list)).toContain('[[waardebon_spaarpunten]]');
    expect(String(items.emptyValues!.params?.list)).not.toMatch(/barcode|bedrag/);
  });

  it('offers the reference number as barcode, and passes once the shop chooses it', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 1, type: 'voucher' });
    const { selectionId } = await importAndAttach(t, mailingId, [
      'email;naam;referentienummer;waardebon_barcode;waardebon_bedrag',
      'piet@example.nl;Piet Bakker;8712345678906;;10,50',
      'anna@example.nl;Anna de Vries;K-000123;;12,00',
    ]);
    await t.call('mailings.setSelections', { id: mailingId, selectionIds: [selectionId] });
    expect((await byId(mailingId)).voucherCodes).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.voucherCodes.missingReferenceUsable',
      fix: `#/mailings/${mailingId}/inhoud`,
      params: { count: 2 },
    });
    await useReferenceAsBarcode(t, mailingId);
    expect((await byId(mailingId)).voucherCodes).toMatchObject({ status: 'ok' });
    // The preview shows the code the till will scan.
    const contacts = t.app.context.database.sqlite
      .prepare('select id from contacts where selection_id = ? and normalized_email = ?')
      .get(selectionId, 'anna@example.nl') as { id: number };
    const preview = await t.call('mailings.preview', { id: mailingId, contactId: contacts.id });
    expect(preview.text).toContain('K-000123');
  });

  it('passes a voucher mailing whose customers all have a code and amount', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 1, type: 'voucher' });
    const { selectionId } = await importAndAttach(t, mailingId, [
      'email;naam;waardebon_barcode;waardebon_bedrag',
      'piet@example.nl;Piet Bakker;8712345678906;10,50',
    ]);
    await t.call('mailings.setSelections', { id: mailingId, selectionIds: [selectionId] });
    expect((await byId(mailingId)).voucherCodes).toMatchObject({ status: 'ok' });
    // A newsletter has no such line.
    const newsletter = await seedMailing(t, { smtpPort: 2525, count: 1 });
    expect((await byId(newsletter.mailingId)).voucherCodes).toBeUndefined();
  });

  it('warns for an empty top line of a newsletter and for a mailing with only a greeting', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 1 });
    await t.call('mailings.update', { id: mailingId, patch: { topLine: '' } });
    const items = await byId(mailingId);
    expect(items.topLine).toMatchObject({
      status: 'warn',
      key: 'sending:checklist.topLine.optional',
    });
    // A blank mailing: logo, an empty text block and the footer.
    expect(items.content).toMatchObject({
      status: 'warn',
      key: 'sending:checklist.content.almostEmpty',
    });

    const voucher = await seedMailing(t, { smtpPort: 2525, count: 1, type: 'voucher' });
    await t.call('mailings.update', { id: voucher.mailingId, patch: { topLine: '' } });
    const voucherItems = await byId(voucher.mailingId);
    expect(voucherItems.topLine).toMatchObject({ status: 'fail' });
    expect(voucherItems.content).toMatchObject({ status: 'ok' });
  });

  it('fills in From and Reply-To when the shop has exactly one verified sender', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { senderId } = await seedMailing(t, { smtpPort: 2525, count: 1 });
    const template = await basis('basis-nieuwsbrief');
    const copy = await t.call('mailings.create', { type: 'newsletter', fromId: template.id });
    expect(copy).toMatchObject({ from: senderId, replyTo: 'info@bakkerij.nl' });

    // Two verified senders: the shop chooses.
    const view = await t.call('settings.get', {});
    const updated = await t.call('settings.update', {
      senders: [...view.senders, { name: 'Winkel', email: 'winkel@bakkerij.nl', replyTo: '' }],
    });
    for (const s of updated.senders) t.app.context.settings.markSenderVerified(s.id, true);
    const blank = await t.call('mailings.create', { type: 'newsletter' });
    expect(blank).toMatchObject({ from: '', replyTo: '' });
  });
});
