import { afterEach, describe, expect, it } from 'vitest';
import { insertJobs } from '../../../electron/services/sending/newJobs';
import { SendStore } from '../../../electron/services/sending/sendStore';
import { StagedRecipients } from '../../../electron/services/selections/recipientsStaging';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, seedMailing } from './seed';

/**
 * The jobs send.start writes from its staged recipients: one per recipient in staged order, the
 * recipient id and Message-ID made as the rows are written (the Message-ID inside SQLite), each
 * unique, in the formats mail servers and the tracker saw before, rising in the jobs' order.
 */
describe('a new send’s jobs', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('get unique ids in the old formats, rising statement after statement', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    // More than the first statement's 500, so several statements (and id blocks) are involved.
    const count = 1_700;
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count });
    const { context } = t.app;
    const sqlite = context.database.sqlite;
    new SendStore(sqlite).insertPreparing({
      id: 'snd_jobs',
      mailingId,
      idempotencyKey: 'jobs',
      creditsPerMail: 1,
      creditsReserved: count,
      skipped: { duplicates: 0, suppressed: 0, recentlyMailed: 0 },
      createdAt: 0,
    });
    const staged = await StagedRecipients.stage(context, mailingId);
    const inserted = await insertJobs(sqlite, staged, {
      sendId: 'snd_jobs',
      mailingId,
      senderEmail: 'info@winkel.nl',
      now: 0,
    }).finally(() => staged.dispose());
    expect(inserted).toBe(count);

    const jobs = sqlite
      .prepare(
        `select j.recipient_id as recipientId, j.message_id as messageId, j.contact_id as contactId
         from send_jobs j where j.send_id = 'snd_jobs' order by j.id`,
      )
      .all() as { recipientId: string; messageId: string; contactId: number }[];
    expect(jobs).toHaveLength(count);
    const messageIds = jobs.map((j) => j.messageId);
    const recipientIds = jobs.map((j) => j.recipientId);
    expect(new Set(messageIds).size).toBe(count);
    expect(new Set(recipientIds).size).toBe(count);
    for (const id of messageIds) expect(id).toMatch(/^<[0-9a-f]{32}@winkel\.nl>$/);
    for (const id of recipientIds) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Both rise in the jobs' order, so their indexes grow at the end.
    expect(messageIds).toEqual([...messageIds].sort());
    const leading = recipientIds.map((id) => Buffer.from(id, 'base64url').readUIntBE(0, 6));
    expect(leading.every((order, i) => i === 0 || order > leading[i - 1]!)).toBe(true);
    // The jobs follow the staged order: the selection's contacts as imported.
    const contactIds = jobs.map((j) => j.contactId);
    expect(contactIds).toEqual([...contactIds].sort((a, b) => a - b));
  });
});
