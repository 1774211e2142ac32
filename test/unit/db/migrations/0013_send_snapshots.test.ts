import { describe, expect, it } from 'vitest';
import { useMigrationStep } from '../../../helpers/migrationStep';
import { addJob, addMailing, addSend } from './rows';

describe('migration 0013_send_snapshots', () => {
  const step = useMigrationStep('0013_send_snapshots');

  it('keeps every send and job, builds no snapshot (the queue compiles a running send once), and takes new ones', () => {
    const { sqlite } = step();
    addMailing(sqlite, 'm');
    addSend(sqlite, 's', 'm');
    addJob(sqlite, { sendId: 's', mailingId: 'm', email: 'anna@bakkerij.nl', state: 'queued' });

    step().migrate();

    const after = step().sqlite;
    expect(after.prepare('select id, state from sends').all()).toEqual([
      { id: 's', state: 'running' },
    ]);
    expect(after.prepare('select count(*) as n from send_jobs').get()).toEqual({ n: 1 });
    expect(after.prepare('select count(*) as n from send_snapshots').get()).toEqual({ n: 0 });
    const insert = after.prepare(
      `insert into send_snapshots (send_id, mailing_id, content_hash, snapshot, created_at)
       values (?, 'm', 'h', '{}', 1)`,
    );
    insert.run('s');
    // One snapshot per send, and only for a send that exists.
    expect(() => insert.run('s')).toThrow(/UNIQUE/);
    expect(() => insert.run('nope')).toThrow(/FOREIGN KEY/);
  });
});
