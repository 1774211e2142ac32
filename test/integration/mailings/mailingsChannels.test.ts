import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { richTextOf } from '../../../electron/contract/mailingDocument';
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
    return (
      error as {
        error: { code: string; key?: string; message: string; params?: Record<string, unknown> };
      }
    ).error;
  }
  throw new Error('expected the call to fail');
}

describe('mailings channels', () => {
  it('creates a blank newsletter, lists, gets and deletes it', async () => {
    const created = await t.call('mailings.create', { type: 'newsletter' });
    expect(created.status).toBe('draft');
    expect(created.document.blocks.map((b) => b.type)).toEqual(['logo', 'text', 'footer']);
    const open = await t.call('mailings.list', { status: 'open' });
    expect(open.map((m) => m.id)).toContain(created.id);
    expect((await t.call('mailings.get', { id: created.id })).id).toBe(created.id);
    await t.call('mailings.delete', { id: created.id });
    expect((await failure(t.call('mailings.get', { id: created.id }))).code).toBe('not_found');
  });

  it('bumps contentChangedAt when the subject changes, not when nothing changes', async () => {
    const created = await t.call('mailings.create', { type: 'voucher' });
    t.clock.advance(60_000);
    const same = await t.call('mailings.update', {
      id: created.id,
      patch: { subject: created.subject },
    });
    expect(same.contentChangedAt).toBe(created.contentChangedAt);
    t.clock.advance(60_000);
    const changed = await t.call('mailings.update', {
      id: created.id,
      patch: { subject: 'Jouw waardebon' },
    });
    expect(changed.subject).toBe('Jouw waardebon');
    expect(changed.contentChangedAt).toBeGreaterThan(created.contentChangedAt);
  });

  it('bumps contentChangedAt for a changed document or sender, not for a new reply-to', async () => {
    await t.call('settings.update', {
      senders: [{ id: 'shop', name: 'Jouw Modezaak', email: 'info@jouwmodezaak.nl', replyTo: '' }],
    });
    const created = await t.call('mailings.create', { type: 'newsletter' });
    t.clock.advance(1000);
    const replyTo = await t.call('mailings.update', {
      id: created.id,
      patch: { replyTo: 'winkel@jouwmodezaak.nl' },
    });
    expect(replyTo.contentChangedAt).toBe(created.contentChangedAt);
    expect(replyTo.updatedAt).toBeGreaterThan(created.updatedAt);
    t.clock.advance(1000);
    const sender = await t.call('mailings.update', { id: created.id, patch: { from: 'shop' } });
    expect(sender.from).toBe('shop');
    expect(sender.contentChangedAt).toBe(t.clock.now());
    t.clock.advance(1000);
    const document = { ...created.document, blocks: created.document.blocks.slice(1) };
    const changed = await t.call('mailings.update', { id: created.id, patch: { document } });
    expect(changed.contentChangedAt).toBe(t.clock.now());
    expect(changed.document.blocks.map((b) => b.type)).toEqual(['text', 'footer']);
    const preview = await t.call('mailings.preview', { id: created.id });
    expect(preview.warnings.map((w) => w.code)).not.toContain('noSender');
    expect(preview.html).toContain('Jouw Modezaak');
  });

  it('refuses a block with a bad field, naming block and field, and keeps the old document', async () => {
    const created = await t.call('mailings.create', { type: 'newsletter' });
    const document = {
      ...created.document,
      blocks: [
        ...created.document.blocks,
        { id: 'btn', type: 'button', data: { url: 'javascript:alert(1)' } },
      ],
    };
    const error = await failure(t.call('mailings.update', { id: created.id, patch: { document } }));
    expect(error.code).toBe('invalid_input');
    expect(error.key).toBe('mailings:errors.invalidBlock');
    expect(error.params).toMatchObject({ block: 4, blockType: 'button', field: 'url' });
    const after = await t.call('mailings.get', { id: created.id });
    expect(after.document).toEqual(created.document);
  });

  it('previews with sample data', async () => {
    const created = await t.call('mailings.create', { type: 'newsletter' });
    const document = {
      ...created.document,
      blocks: [{ id: 't', type: 'text', data: { content: richTextOf('Hoi [[voornaam]]') } }],
    };
    await t.call('mailings.update', {
      id: created.id,
      patch: { document, subject: 'Hallo [[voornaam]]' },
    });
    const preview = await t.call('mailings.preview', { id: created.id });
    expect(preview.subject).toBe('Hallo Jan');
    expect(preview.html).toContain('Hoi Jan');
    expect(preview.text).toContain('Hoi Jan');
    expect(preview.warnings.map((w) => w.code)).toContain('footerAdded');
  });
});
