import { describe, expect, it } from 'vitest';
import { queryPlan, schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { addEvents, addMailing, morningEvents } from './rows';

// Contact export and erase look events up by recipient; anonymisation and bounce undo by mailing and kind.
const BY_RECIPIENT = 'select id from events where recipient_id = ?';
const BY_MAILING_KIND = 'select id from events where mailing_id = ? and kind = ?';

describe('migration 0009_drop_events_recipient_index', () => {
  const step = useMigrationStep('0009_drop_events_recipient_index');

  it('drops only the recipient index on events and keeps every event', () => {
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    const before = schemaNames(step().sqlite, 'index');
    expect(before).toContain('events_recipient_idx');

    step().migrate();

    expect(schemaNames(step().sqlite, 'index')).toEqual(
      before.filter((name) => name !== 'events_recipient_idx'),
    );
    expect(step().sqlite.prepare('select count(*) from events').pluck().get()).toBe(15);
  });

  it('still answers a lookup by recipient, now by reading the table', () => {
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    expect(queryPlan(step().sqlite, BY_RECIPIENT, 'r-anna').join(' ')).toMatch(
      /events_recipient_idx/,
    );

    step().migrate();

    expect(queryPlan(step().sqlite, BY_RECIPIENT, 'r-anna').join(' ')).toMatch(/^SCAN events/);
    expect(step().sqlite.prepare(BY_RECIPIENT).pluck().all('r-anna')).toHaveLength(5);
    expect(queryPlan(step().sqlite, BY_MAILING_KIND, 'm', 'bounce_hard').join(' ')).toMatch(
      /USING (COVERING )?INDEX events_mailing_kind_idx/,
    );
  });
});
