import { afterEach, describe, expect, it } from 'vitest';
import { ENQUEUE_CHUNK, type NewJob } from '../../../electron/services/sending/jobStore';
import { jobStoreRig } from './jobStoreRig';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((done) => done()));

const store = () => jobStoreRig(cleanups);

function* jobs(from: number, to: number, prefix: string): Generator<NewJob> {
  for (let i = from; i < to; i += 1) {
    yield {
      contactId: i,
      email: `Klant${i}@Example.nl`,
      normalizedEmail: `klant${i}@example.nl`,
      recipientId: `${prefix}-r${i}`,
      messageId: `<${prefix}-${i}@example.nl>`,
      data: { naam: `Klant ${i}` },
    };
  }
}

describe('JobStore.enqueue', () => {
  it('writes every job of a list that is not a multiple of the chunk, each once, in order', () => {
    const { jobs: store_, sqlite } = store();
    const count = 2 * ENQUEUE_CHUNK + 7;
    expect(store_.enqueue('snd_a', 'mlg_1', jobs(0, count, 'a'), 1000)).toBe(count);
    const rows = sqlite
      .prepare('select contact_id, email, message_id, data, state from send_jobs order by id')
      .all() as {
      contact_id: number;
      email: string;
      message_id: string;
      data: string;
      state: string;
    }[];
    expect(rows).toHaveLength(count);
    expect(rows.map((r) => r.contact_id)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(rows[count - 1]).toEqual({
      contact_id: count - 1,
      email: `Klant${count - 1}@Example.nl`,
      message_id: `<a-${count - 1}@example.nl>`,
      data: JSON.stringify({ naam: `Klant ${count - 1}` }),
      state: 'queued',
    });
  });

  it('never queues an address of the mailing twice; only skipped jobs move to the new send', () => {
    const { jobs: store_, sqlite } = store();
    store_.enqueue('snd_a', 'mlg_1', jobs(0, ENQUEUE_CHUNK + 3, 'a'), 1000);
    // A cancelled send left the first ten unsent.
    sqlite.prepare(`update send_jobs set state = 'skipped' where contact_id < 10`).run();
    const added = store_.enqueue('snd_b', 'mlg_1', jobs(0, ENQUEUE_CHUNK + 5, 'b'), 2000);
    // The ten skipped move over (with their old Message-IDs), plus the two new addresses.
    expect(added).toBe(12);
    const bySend = sqlite
      .prepare('select send_id, count(*) as n from send_jobs group by send_id order by send_id')
      .all();
    expect(bySend).toEqual([
      { send_id: 'snd_a', n: ENQUEUE_CHUNK + 3 - 10 },
      { send_id: 'snd_b', n: 12 },
    ]);
    const moved = sqlite
      .prepare('select message_id, state from send_jobs where contact_id = 0')
      .get();
    expect(moved).toEqual({ message_id: '<a-0@example.nl>', state: 'queued' });
    const total = sqlite.prepare('select count(*) as n from send_jobs').get() as { n: number };
    expect(total.n).toBe(ENQUEUE_CHUNK + 5);
  });
});
