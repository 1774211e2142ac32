import { describe, expect, it } from 'vitest';
import { queryPlan, useMigrationStep } from '../../../helpers/migrationStep';
import { addJob, addMailing, addSend } from './rows';

// The bounce mailbox's match on the bounced mail's Message-ID (electron/services/bounces/jobMatcher.ts).
const BY_MESSAGE_ID =
  'select id, send_id, state from send_jobs where message_id in (?, ?) order by id desc limit 1';

describe('migration 0008_send_jobs_message_id_index', () => {
  const step = useMigrationStep('0008_send_jobs_message_id_index');

  it('lets the bounce match on Message-ID use an index instead of reading every job', () => {
    const { sqlite } = step();
    addMailing(sqlite, 'm');
    addSend(sqlite, 's', 'm');
    addJob(sqlite, { sendId: 's', mailingId: 'm', email: 'anna@bakkerij.nl', state: 'sent' });
    expect(queryPlan(sqlite, BY_MESSAGE_ID, 'x', 'y').join(' ')).not.toMatch(/message_id_idx/);

    step().migrate();

    expect(queryPlan(step().sqlite, BY_MESSAGE_ID, 'x', 'y').join(' ')).toMatch(
      /SEARCH send_jobs USING INDEX send_jobs_message_id_idx \(message_id=\?\)/,
    );
  });

  it('finds the job of a bounced mail among the jobs sent before it', () => {
    const { sqlite } = step();
    addMailing(sqlite, 'm');
    addSend(sqlite, 's', 'm');
    const emails = ['anna@bakkerij.nl', 'bart@bakkerij.nl', 'cees@bakkerij.nl'];
    const ids = emails.map((email) =>
      addJob(sqlite, {
        sendId: 's',
        mailingId: 'm',
        email,
        state: 'sent',
        messageId: `<${email}>`,
      }),
    );

    step().migrate();

    const byMessageId = step().sqlite.prepare(BY_MESSAGE_ID);
    expect(byMessageId.get('bart@bakkerij.nl', '<bart@bakkerij.nl>')).toEqual({
      id: ids[1],
      send_id: 's',
      state: 'sent',
    });
    expect(byMessageId.get('dirk@bakkerij.nl', '<dirk@bakkerij.nl>')).toBeUndefined();
  });
});
