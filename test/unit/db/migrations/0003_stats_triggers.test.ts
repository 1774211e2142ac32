import { describe, expect, it } from 'vitest';
import { useMigrationStep, schemaNames } from '../../../helpers/migrationStep';
import {
  MORNING_TOTALS,
  addEvents,
  addMailing,
  at,
  hourOf,
  mailingStats,
  morningEvents,
  rowsOf,
} from './rows';

describe('migration 0003_stats_triggers', () => {
  const step = useMigrationStep('0003_stats_triggers');

  it('keeps the events already synced and counts only the ones that arrive after it', () => {
    addMailing(step().sqlite, 'm-old');
    addEvents(step().sqlite, morningEvents('m-old'));

    step().migrate();

    expect(step().appliedTags().at(-1)).toBe('0003_stats_triggers');
    expect(
      step().sqlite.prepare("select count(*) from events where mailing_id = 'm-old'").pluck().get(),
    ).toBe(15);
    // No backfill: events from before the triggers stay out of the aggregates.
    expect(mailingStats(step().sqlite, 'm-old')).toBeUndefined();
    expect(schemaNames(step().sqlite, 'trigger')).toEqual([
      'stats_events_insert',
      'stats_link_recipients_insert',
      'stats_link_recipients_update',
      'stats_recipients_insert',
      'stats_recipients_update',
    ]);
  });

  it('maintains every aggregate from the events of a morning', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    const { sqlite } = step();

    expect(mailingStats(sqlite, 'm')).toEqual({ mailing_id: 'm', ...MORNING_TOTALS });
    expect(rowsOf(sqlite, 'stats_timeline', 'm')).toEqual([
      {
        mailing_id: 'm',
        hour: hourOf(at(0)),
        opens: 2,
        machine_opens: 2,
        clicks: 0,
        machine_clicks: 1,
      },
      {
        mailing_id: 'm',
        hour: hourOf(at(1)),
        opens: 0,
        machine_opens: 0,
        clicks: 1,
        machine_clicks: 0,
      },
      {
        mailing_id: 'm',
        hour: hourOf(at(2)),
        opens: 1,
        machine_opens: 0,
        clicks: 2,
        machine_clicks: 0,
      },
    ]);
    expect(rowsOf(sqlite, 'stats_links', 'm')).toEqual([
      {
        mailing_id: 'm',
        link_id: 1,
        clicks: 2,
        machine_clicks: 1,
        clickers: 1,
        machine_clickers: 1,
      },
      {
        mailing_id: 'm',
        link_id: 2,
        clicks: 1,
        machine_clicks: 0,
        clickers: 1,
        machine_clickers: 0,
      },
    ]);
    expect(
      sqlite
        .prepare(
          "select * from stats_link_recipients where mailing_id = 'm' and recipient_id = 'r-anna'",
        )
        .get(),
    ).toMatchObject({
      link_id: 1,
      clicks: 2,
      machine_clicks: 0,
      first_at: at(2, 11),
      first_machine_at: null,
    });
  });

  it('keeps per recipient the first times, and a hard bounce over a soft one', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    const recipient = (id: string) =>
      step()
        .sqlite.prepare(
          "select * from stats_recipients where mailing_id = 'm' and recipient_id = ?",
        )
        .get(`r-${id}`);

    expect(recipient('anna')).toMatchObject({
      opens: 2,
      machine_opens: 1,
      clicks: 2,
      opened_at: at(0, 30),
      machine_at: at(0, 1),
      first_click_at: at(2, 11),
      bounce: null,
    });
    // A click with the pixel blocked still means the mail was opened.
    expect(recipient('bart')).toMatchObject({
      opens: 0,
      clicks: 1,
      opened_at: at(1, 5),
      first_click_at: at(1, 5),
    });
    expect(recipient('cees')).toMatchObject({
      opens: 0,
      clicks: 0,
      opened_at: null,
      machine_at: at(0, 2),
    });
    expect(recipient('dirk')).toMatchObject({
      bounce: 'hard',
      bounce_at: at(3),
      bounce_detail: '550 user unknown',
    });
    expect(recipient('els')).toMatchObject({
      bounce: 'hard',
      bounce_at: at(0, 5),
      bounce_detail: '550 no such user',
    });
    expect(recipient('fien')).toMatchObject({
      unsubscribed_at: at(0, 41),
      complained_at: at(0, 42),
    });
  });

  it('leaves the totals when per-recipient rows are deleted (anonymising)', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    step().sqlite.exec(
      "delete from stats_recipients where mailing_id = 'm'; delete from stats_link_recipients where mailing_id = 'm'",
    );

    expect(mailingStats(step().sqlite, 'm')).toEqual({ mailing_id: 'm', ...MORNING_TOTALS });
    expect(rowsOf(step().sqlite, 'stats_links', 'm')).toHaveLength(2);
  });
});
