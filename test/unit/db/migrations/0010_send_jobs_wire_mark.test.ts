import { describe, expect, it } from 'vitest';
import { useMigrationStep } from '../../../helpers/migrationStep';
import { addJob, addMailing, addSend, T0 } from './rows';

describe('migration 0010_send_jobs_wire_mark', () => {
  const step = useMigrationStep('0010_send_jobs_wire_mark');

  it('marks the jobs an older version left in flight as on the wire, and no other job', () => {
    addMailing(step().sqlite, 'm');
    addSend(step().sqlite, 's', 'm');
    for (const [email, state] of [
      ['anna@example.nl', 'sending'],
      ['bert@example.nl', 'queued'],
      ['carla@example.nl', 'sent'],
    ] as const)
      addJob(step().sqlite, { sendId: 's', mailingId: 'm', email, state });

    step().migrate();

    const rows = step()
      .sqlite.prepare('select email, state, wire_at as wireAt from send_jobs order by email')
      .all();
    // After a crash of the older version, nobody knows whether anna's message left: it must come
    // back uncertain (never mailed again by itself), not queued.
    expect(rows).toEqual([
      { email: 'anna@example.nl', state: 'sending', wireAt: T0 },
      { email: 'bert@example.nl', state: 'queued', wireAt: null },
      { email: 'carla@example.nl', state: 'sent', wireAt: null },
    ]);
  });
});
