import type Database from 'better-sqlite3';
import { weakCache } from '../render/weakCache';
import {
  NO_OUTCOME,
  isOutcomeKind,
  outcomeOfRemaining,
  withOutcome,
  type Outcome,
} from './rules/outcomes';
import { movesEarlier, type PageAggregates } from './rules/pageAggregates';
import {
  LinkPeopleDelta,
  NO_COUNTERS,
  PeopleDelta,
  type RecipientCounters,
} from './rules/peopleCounts';

type RecipientRow = RecipientCounters & Outcome;

/** stats_recipients' columns under the names of RecipientRow. */
const RECIPIENT_COLUMNS = `opens, machine_opens as machineOpens, clicks, machine_clicks as machineClicks,
  unsubscribed_at as unsubscribedAt, complained_at as complainedAt, bounce, bounce_at as bounceAt,
  bounce_detail as bounceDetail`;

/** An event that is not an open or a click, as the sync and the bounce mailbox store it. */
export interface OutcomeEvent {
  id: string;
  mailingId: string;
  recipientId: string | null;
  kind: string;
  at: number;
  detail: string;
}

/**
 * Every write to the statistics aggregates (stats_mailings, stats_timeline, stats_links,
 * stats_recipients, stats_link_recipients). The rules are in ./rules; the database keeps no
 * trigger of its own for them (migration 0017), so whoever stores an event calls this store in
 * the same transaction. All statements prepared once: the sync writes pages of 5,000 events.
 */
export class StatsAggregateStore {
  private readonly s;

  constructor(private readonly sqlite: Database.Database) {
    const earlier = (column: string) =>
      `${column} = case when excluded.${column} is not null and (${column} is null or excluded.${column} < ${column})
         then excluded.${column} else ${column} end`;
    this.s = {
      mailing: sqlite.prepare(
        `insert into stats_mailings (mailing_id, opens, machine_opens, clicks, machine_clicks,
           openers, machine_openers, clickers, machine_clickers)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (mailing_id) do update set
           opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           openers = openers + excluded.openers,
           machine_openers = machine_openers + excluded.machine_openers,
           clickers = clickers + excluded.clickers,
           machine_clickers = machine_clickers + excluded.machine_clickers`,
      ),
      ensureMailing: sqlite.prepare(
        'insert into stats_mailings (mailing_id) values (?) on conflict (mailing_id) do nothing',
      ),
      people: sqlite.prepare(
        `update stats_mailings set openers = openers + ?, machine_openers = machine_openers + ?,
           clickers = clickers + ?, machine_clickers = machine_clickers + ?,
           unsubscribes = unsubscribes + ?, complaints = complaints + ?,
           bounces_hard = bounces_hard + ?, bounces_soft = bounces_soft + ?
         where mailing_id = ?`,
      ),
      hour: sqlite.prepare(
        `insert into stats_timeline (mailing_id, hour, opens, machine_opens, clicks, machine_clicks)
         values (?, ?, ?, ?, ?, ?) on conflict (mailing_id, hour) do update set
           opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks`,
      ),
      link: sqlite.prepare(
        `insert into stats_links (mailing_id, link_id, clicks, machine_clicks, clickers, machine_clickers)
         values (?, ?, ?, ?, ?, ?) on conflict (mailing_id, link_id) do update set
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           clickers = clickers + excluded.clickers,
           machine_clickers = machine_clickers + excluded.machine_clickers`,
      ),
      // opened_at and first_at are in partial indexes (the details lists), and SQLite rewrites an
      // index entry whenever the upsert assigns one of its columns, even to the same value. So the
      // upserts leave them alone and return them; the rare earlier time is set by a second update.
      // They return the row's counts after the change: before is after less the page's delta.
      recipient: sqlite
        .prepare(
          `insert into stats_recipients (mailing_id, recipient_id, opens, machine_opens, clicks,
           machine_clicks, opened_at, machine_at, first_click_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (mailing_id, recipient_id) do update set
           opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           ${earlier('machine_at')}, ${earlier('first_click_at')}
         returning opened_at, opens, machine_opens, clicks, machine_clicks`,
        )
        .raw(),
      openedAt: sqlite.prepare(
        'update stats_recipients set opened_at = ? where mailing_id = ? and recipient_id = ?',
      ),
      linkRecipient: sqlite
        .prepare(
          `insert into stats_link_recipients (mailing_id, link_id, recipient_id, clicks, machine_clicks,
           first_at, first_machine_at) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (mailing_id, link_id, recipient_id) do update set
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           ${earlier('first_machine_at')}
         returning first_at, clicks, machine_clicks`,
        )
        .raw(),
      linkFirstAt: sqlite.prepare(
        `update stats_link_recipients set first_at = ?
         where mailing_id = ? and link_id = ? and recipient_id = ?`,
      ),
      recipientRow: sqlite.prepare(
        `select ${RECIPIENT_COLUMNS} from stats_recipients where mailing_id = ? and recipient_id = ?`,
      ),
      outcome: sqlite.prepare(
        `insert into stats_recipients (mailing_id, recipient_id, unsubscribed_at, complained_at,
           bounce, bounce_at, bounce_detail) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (mailing_id, recipient_id) do update set
           unsubscribed_at = excluded.unsubscribed_at, complained_at = excluded.complained_at,
           bounce = excluded.bounce, bounce_at = excluded.bounce_at,
           bounce_detail = excluded.bounce_detail`,
      ),
      insertEvent: sqlite.prepare(
        `insert or ignore into events (id, mailing_id, recipient_id, kind, machine, at, detail)
         values (?, ?, ?, ?, 0, ?, ?)`,
      ),
      firstBounceLeft: sqlite.prepare(
        `select kind, at, detail from events where mailing_id = ? and recipient_id = ?
         and kind in ('bounce_hard', 'bounce_soft') order by (kind = 'bounce_hard') desc, at asc limit 1`,
      ),
      dueForAnonymising: sqlite
        .prepare(
          `select m.id from mailings m left join stats_mailings s on s.mailing_id = m.id
           where m.sent_at is not null and m.sent_at < ? and s.anonymised_at is null`,
        )
        .pluck(),
      dropRecipients: sqlite.prepare('delete from stats_recipients where mailing_id = ?'),
      dropLinkRecipients: sqlite.prepare('delete from stats_link_recipients where mailing_id = ?'),
      anonymiseEvents: sqlite.prepare(
        'update events set recipient_id = null where mailing_id = ? and recipient_id is not null',
      ),
      markAnonymised: sqlite.prepare(
        'update stats_mailings set anonymised_at = ? where mailing_id = ?',
      ),
      event: sqlite.prepare(
        'select mailing_id as mailingId, recipient_id as recipientId from events where id = ?',
      ),
      deleteEvent: sqlite.prepare('delete from events where id = ?'),
      linkUrl: sqlite.prepare(
        `insert into mailing_links (mailing_id, link_id, url) values (?, ?, ?)
         on conflict (mailing_id, link_id) do update set url = excluded.url`,
      ),
      firstComplaintLeft: sqlite
        .prepare(
          `select min(at) from events where mailing_id = ? and recipient_id = ? and kind = 'complaint'`,
        )
        .pluck(),
    };
  }

  /** A sync page's opens and clicks; call inside the page's transaction. */
  writePage(page: PageAggregates): void {
    for (const [mailingId, m] of page.mailings) {
      for (const [linkId, l] of m.links) {
        const linkPeople = new LinkPeopleDelta();
        for (const [recipientId, r] of m.linkRecipients.get(linkId) ?? []) {
          const [firstAt, clicks, machineClicks] = this.s.linkRecipient.get(
            mailingId,
            linkId,
            recipientId,
            r.clicks,
            r.machineClicks,
            r.firstAt,
            r.firstMachineAt,
          ) as [number | null, number, number];
          // Before the page: the row's counts less the page's own.
          linkPeople.add(clicks - r.clicks, machineClicks - r.machineClicks, clicks, machineClicks);
          if (movesEarlier(firstAt, r.firstAt)) {
            this.s.linkFirstAt.run(r.firstAt, mailingId, linkId, recipientId);
          }
        }
        this.s.link.run(
          mailingId,
          linkId,
          l.clicks,
          l.machineClicks,
          linkPeople.clickers,
          linkPeople.machineClickers,
        );
      }
      const people = new PeopleDelta();
      for (const [recipientId, r] of m.recipients) {
        const [openedAt, opens, machineOpens, clicks, machineClicks] = this.s.recipient.get(
          mailingId,
          recipientId,
          r.opens,
          r.machineOpens,
          r.clicks,
          r.machineClicks,
          r.openedAt,
          r.machineAt,
          r.firstClickAt,
        ) as [number | null, number, number, number, number];
        people.addOpensAndClicks(
          opens - r.opens,
          clicks - r.clicks,
          machineOpens - r.machineOpens,
          machineClicks - r.machineClicks,
          opens,
          clicks,
          machineOpens,
          machineClicks,
        );
        if (movesEarlier(openedAt, r.openedAt)) {
          this.s.openedAt.run(r.openedAt, mailingId, recipientId);
        }
      }
      for (const [hour, h] of m.hours) {
        this.s.hour.run(mailingId, hour, h.opens, h.machineOpens, h.clicks, h.machineClicks);
      }
      const t = m.totals;
      this.s.mailing.run(
        mailingId,
        t.opens,
        t.machineOpens,
        t.clicks,
        t.machineClicks,
        people.openers,
        people.machineOpeners,
        people.clickers,
        people.machineClickers,
      );
    }
  }

  /**
   * An event other than an open or a click, just stored: an unsubscribe, complaint or bounce
   * marks its recipient; any such event makes the mailing's statistics row exist.
   */
  recordOutcome(event: Omit<OutcomeEvent, 'id'>): void {
    this.s.ensureMailing.run(event.mailingId);
    const { kind, recipientId } = event;
    if (recipientId === null || !isOutcomeKind(kind)) return;
    const before = this.recipientRow(event.mailingId, recipientId);
    const outcome = withOutcome(before, { kind, at: event.at, detail: event.detail });
    this.writeOutcome(event.mailingId, recipientId, before, outcome);
  }

  /** Stores a bounce or complaint event of the bounce mailbox; false when its id was there. */
  addOutcomeEvent(event: OutcomeEvent): boolean {
    const { id, mailingId, recipientId, kind, at, detail } = event;
    if (this.s.insertEvent.run(id, mailingId, recipientId, kind, at, detail).changes === 0) {
      return false;
    }
    this.recordOutcome(event);
    return true;
  }

  /** After an event was deleted (a bounce undone): the recipient's row follows what is left. */
  retractOutcome(mailingId: string, recipientId: string): void {
    const stored = this.s.recipientRow.get(mailingId, recipientId) as RecipientRow | undefined;
    if (!stored) return;
    const outcome = outcomeOfRemaining(stored, {
      bounce: this.s.firstBounceLeft.get(mailingId, recipientId) as
        { kind: string; at: number; detail: string } | undefined,
      firstComplaintAt: this.s.firstComplaintLeft.get(mailingId, recipientId) as number | null,
    });
    this.writeOutcome(mailingId, recipientId, stored, outcome);
  }

  /**
   * A stored event taken back (a bounce undone): it goes, and its recipient's row follows the
   * events left. Nothing happens when the event is no longer there.
   */
  retractEvent(eventId: string): void {
    const event = this.s.event.get(eventId) as
      { mailingId: string; recipientId: string | null } | undefined;
    if (!event) return;
    this.s.deleteEvent.run(eventId);
    if (event.recipientId) this.retractOutcome(event.mailingId, event.recipientId);
  }

  /**
   * The link table of a sent mailing (the ids its click tokens carry), so "Bezoeken van links"
   * can show the URL. Idempotent: same mailing, same ids, the URLs are replaced.
   */
  recordMailingLinks(mailingId: string, links: readonly { id: number; url: string }[]): void {
    this.sqlite.transaction(() => {
      for (const link of links) this.s.linkUrl.run(mailingId, link.id, link.url);
    })();
  }

  /**
   * Drops the per-recipient rows (and the events' recipient ids) of mailings sent before `cutoff`
   * and marks them anonymised at `now`. The totals are left alone: no rule follows a delete.
   */
  anonymiseSentBefore(cutoff: number, now: number): number {
    const due = this.s.dueForAnonymising.all(cutoff) as string[];
    if (due.length === 0) return 0;
    this.sqlite.transaction(() => {
      for (const mailingId of due) {
        this.s.ensureMailing.run(mailingId);
        this.s.dropRecipients.run(mailingId);
        this.s.dropLinkRecipients.run(mailingId);
        this.s.anonymiseEvents.run(mailingId);
        this.s.markAnonymised.run(now, mailingId);
      }
    })();
    return due.length;
  }

  private recipientRow(mailingId: string, recipientId: string): RecipientRow {
    return (
      (this.s.recipientRow.get(mailingId, recipientId) as RecipientRow | undefined) ?? {
        ...NO_COUNTERS,
        ...NO_OUTCOME,
      }
    );
  }

  /** Sets the recipient's outcome and moves the mailing's people counts with it. */
  private writeOutcome(
    mailingId: string,
    recipientId: string,
    before: RecipientRow,
    outcome: Outcome,
  ): void {
    this.s.outcome.run(
      mailingId,
      recipientId,
      outcome.unsubscribedAt,
      outcome.complainedAt,
      outcome.bounce,
      outcome.bounceAt,
      outcome.bounceDetail,
    );
    const d = new PeopleDelta();
    d.add(before, { ...before, ...outcome });
    this.s.people.run(
      d.openers,
      d.machineOpeners,
      d.clickers,
      d.machineClickers,
      d.unsubscribes,
      d.complaints,
      d.bouncesHard,
      d.bouncesSoft,
      mailingId,
    );
  }
}

/** One store per connection, for writers that are called with a connection (statements once). */
export const statsAggregatesOf = weakCache(
  (sqlite: Database.Database) => new StatsAggregateStore(sqlite),
);
