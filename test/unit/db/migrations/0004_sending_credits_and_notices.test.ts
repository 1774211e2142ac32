import { describe, expect, it } from 'vitest';
import { useMigrationStep } from '../../../helpers/migrationStep';
import { T0, addMailing, addSend } from './rows';

describe('migration 0004_sending_credits_and_notices', () => {
  const step = useMigrationStep('0004_sending_credits_and_notices');

  it('keeps a running send and gives it the defaults of one credit per mail and nothing pending', () => {
    addMailing(step().sqlite, 'm');
    addSend(step().sqlite, 's', 'm');
    step()
      .sqlite.prepare("update sends set state = 'paused', pause_reason = 'smtp' where id = 's'")
      .run();

    step().migrate();

    expect(step().sqlite.prepare("select * from sends where id = 's'").get()).toEqual({
      id: 's',
      mailing_id: 'm',
      idempotency_key: 'key-s',
      state: 'paused',
      pause_reason: 'smtp',
      scheduled_at: null,
      started_at: T0,
      finished_at: null,
      recipients: 3,
      credits_reserved: 3,
      credits_committed: 1,
      created_at: T0,
      credits_per_mail: 1,
      credits_commit_seq: 0,
      credits_commit_pending: 0,
      credits_released_at: null,
      skipped: '{}',
      pause_detail: null,
      started_late_at: null,
    });
  });

  it('lets a new send leave the new columns out', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    addSend(step().sqlite, 's2', 'm');
    expect(
      step().sqlite.prepare("select credits_per_mail, skipped from sends where id = 's2'").get(),
    ).toEqual({ credits_per_mail: 1, skipped: '{}' });
  });
});
