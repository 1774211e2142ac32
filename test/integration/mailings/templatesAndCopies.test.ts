import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/app';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { error: { code: string; key?: string } }).error;
  }
  throw new Error('expected the call to fail');
}

describe('templates', () => {
  it('are in the overview on first start, once, even after a restart', async () => {
    const names = (await t.call('mailings.list', { status: 'open' }))
      .filter((m) => m.templateKey)
      .map((m) => m.subject);
    expect(names.sort()).toEqual([
      'BASIS - nieuwsbrief',
      'BASIS - waardebon',
      'VOORBEELD - nieuwsbrief',
      'VOORBEELD - waardebon',
    ]);
    await t.app.close();
    const again = await createApp({
      dataDir: t.dataDir,
      clock: t.clock,
      logger: silentLogger,
      cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    });
    t.app = again;
    const list = await again.handlers['mailings.list']({ status: 'all' });
    expect(
      list.ok &&
        (list.value as { templateKey: string | null }[]).filter((m) => m.templateKey).length,
    ).toBe(4);
  });

  it('cannot be deleted or sent, but can be copied with their images', async () => {
    const template = (await t.call('mailings.list', { status: 'open' })).find(
      (m) => m.templateKey === 'voorbeeld-nieuwsbrief',
    )!;
    expect(await failure(t.call('mailings.delete', { id: template.id }))).toMatchObject({
      code: 'forbidden',
    });
    expect(() => t.app.context.mailings.setStatus(template.id, 'sending')).toThrow(
      /Templates cannot be sent/,
    );

    const copy = await t.call('mailings.create', { type: 'newsletter', fromId: template.id });
    expect(copy.templateKey).toBeNull();
    expect(copy.subject).toBe('De herfstcollectie is binnen');
    const templateImages = await t.call('images.list', { mailingId: template.id });
    const copyImages = await t.call('images.list', { mailingId: copy.id });
    expect(copyImages.map((i) => i.sha256).sort()).toEqual(
      templateImages.map((i) => i.sha256).sort(),
    );
    const copyIds = new Set(copyImages.map((i) => i.id));
    const used = copy.document.blocks.flatMap((b) =>
      b.type === 'image' || b.type === 'logo' || b.type === 'imageText'
        ? [b.data.imageId]
        : b.type === 'twoColumns'
          ? [b.data.left.imageId, b.data.right.imageId]
          : [],
    );
    expect(used.length).toBeGreaterThan(3);
    for (const id of used) expect(copyIds.has(id)).toBe(true);

    // The copy is independent: deleting it leaves the template's images alone.
    await t.call('mailings.delete', { id: copy.id });
    expect((await t.call('images.list', { mailingId: template.id })).length).toBe(
      templateImages.length,
    );
  });

  it('a sent mailing can no longer be changed or deleted', async () => {
    const mailing = await t.call('mailings.create', { type: 'voucher' });
    t.app.context.mailings.setStatus(mailing.id, 'sent');
    expect(
      await failure(t.call('mailings.update', { id: mailing.id, patch: { subject: 'x' } })),
    ).toMatchObject({
      code: 'conflict',
      key: 'mailings:errors.notEditable',
    });
    expect(await failure(t.call('mailings.delete', { id: mailing.id }))).toMatchObject({
      code: 'conflict',
    });
    expect((await t.call('mailings.list', { status: 'sent' })).map((m) => m.id)).toEqual([
      mailing.id,
    ]);
    expect((await t.call('mailings.list', { status: 'open' })).map((m) => m.id)).not.toContain(
      mailing.id,
    );
  });

  it('refuses an unknown sender and bad input with field names', async () => {
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    expect(
      await failure(t.call('mailings.update', { id: mailing.id, patch: { from: 'nobody' } })),
    ).toMatchObject({
      key: 'mailings:errors.unknownSender',
    });
    const bad = await t.app.handlers['mailings.update']({
      id: mailing.id,
      patch: { subject: 'x'.repeat(201) },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.issues?.[0]?.field).toBe('patch.subject');
    const unknownField = await t.app.handlers['mailings.update']({
      id: mailing.id,
      patch: { status: 'sent' },
    });
    expect(unknownField.ok).toBe(false);
    expect(
      (await failure(t.call('mailings.create', { type: 'newsletter', fromId: 'nope' }))).code,
    ).toBe('not_found');
  });
});
