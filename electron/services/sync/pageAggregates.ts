import type Database from 'better-sqlite3';

const HOUR = 3_600_000;

/** Opens and clicks, by people and by machines. Classes keep one object shape for V8. */
class Counts {
  opens = 0;
  machineOpens = 0;
  clicks = 0;
  machineClicks = 0;

  add(click: boolean, machine: boolean): void {
    if (click) {
      if (machine) this.machineClicks += 1;
      else this.clicks += 1;
    } else if (machine) this.machineOpens += 1;
    else this.opens += 1;
  }
}

class RecipientDelta extends Counts {
  openedAt: number | null = null;
  machineAt: number | null = null;
  firstClickAt: number | null = null;
}

class LinkRecipientDelta {
  clicks = 0;
  machineClicks = 0;
  firstAt: number | null = null;
  firstMachineAt: number | null = null;
}

/** One mailing's share of a page: totals, and deltas per hour, link, recipient and link+recipient. */
class MailingDelta {
  readonly totals = new Counts();
  readonly hours = new Map<number, Counts>();
  readonly links = new Map<number, Counts>();
  readonly recipients = new Map<string, RecipientDelta>();
  readonly linkRecipients = new Map<number, Map<string, LinkRecipientDelta>>();
}

const earliest = (a: number | null, b: number) => (a === null || b < a ? b : a);

/** True when the page's first time is earlier than the stored one (or the first at all). */
const movesEarlier = (stored: number | null, page: number | null): page is number =>
  page !== null && (stored === null || page < stored);

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/**
 * Opens and clicks of one sync page, summed in memory and written as one upsert per mailing, hour,
 * link and recipient instead of several statements per event (a page of 5,000 events touches a
 * few dozen aggregate rows and one row per recipient). Maps nested per mailing with plain keys,
 * rather than one map per table keyed by joined strings: that made summing 100,000 events cost
 * ten times more (string building and garbage). Who-counts (openers, clickers) follow from the
 * recipient rows through the triggers on stats_recipients and stats_link_recipients. Bounces,
 * complaints and unsubscribes are rare and counted by triggers on events, whoever writes them.
 */
export class PageAggregates {
  readonly mailings = new Map<string, MailingDelta>();

  add(event: {
    kind: 'open' | 'click';
    mailingId: string;
    recipientId: string | null;
    linkId: number | null;
    machine: boolean;
    at: number;
  }): void {
    const { mailingId, recipientId, linkId, machine, at } = event;
    const click = event.kind === 'click';
    const mailing = entry(this.mailings, mailingId, () => new MailingDelta());
    mailing.totals.add(click, machine);
    entry(mailing.hours, Math.floor(at / HOUR), () => new Counts()).add(click, machine);

    if (click && linkId !== null) {
      entry(mailing.links, linkId, () => new Counts()).add(click, machine);
      if (recipientId !== null) {
        const byRecipient = entry(mailing.linkRecipients, linkId, () => new Map());
        const row = entry(byRecipient, recipientId, () => new LinkRecipientDelta());
        if (machine) {
          row.machineClicks += 1;
          row.firstMachineAt = earliest(row.firstMachineAt, at);
        } else {
          row.clicks += 1;
          row.firstAt = earliest(row.firstAt, at);
        }
      }
    }

    if (recipientId === null) return;
    const row = entry(mailing.recipients, recipientId, () => new RecipientDelta());
    row.add(click, machine);
    // A click by a person means the mail was opened, also when its images were blocked.
    if (machine) row.machineAt = earliest(row.machineAt, at);
    else row.openedAt = earliest(row.openedAt, at);
    if (click && !machine) row.firstClickAt = earliest(row.firstClickAt, at);
  }
}

/** Prepared statements that write a page's aggregates; call inside the page's transaction. */
export class AggregateWriter {
  private readonly mailing: Database.Statement;
  private readonly hour: Database.Statement;
  private readonly link: Database.Statement;
  private readonly recipient: Database.Statement;
  private readonly linkRecipient: Database.Statement;
  private readonly openedAt: Database.Statement;
  private readonly linkFirstAt: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.mailing = sqlite.prepare(
      `insert into stats_mailings (mailing_id, opens, machine_opens, clicks, machine_clicks)
       values (?, ?, ?, ?, ?) on conflict (mailing_id) do update set
         opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
         clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks`,
    );
    this.hour = sqlite.prepare(
      `insert into stats_timeline (mailing_id, hour, opens, machine_opens, clicks, machine_clicks)
       values (?, ?, ?, ?, ?, ?) on conflict (mailing_id, hour) do update set
         opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
         clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks`,
    );
    this.link = sqlite.prepare(
      `insert into stats_links (mailing_id, link_id, clicks, machine_clicks) values (?, ?, ?, ?)
       on conflict (mailing_id, link_id) do update set
         clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks`,
    );
    const earlier = (column: string) =>
      `${column} = case when excluded.${column} is not null and (${column} is null or excluded.${column} < ${column})
         then excluded.${column} else ${column} end`;
    // opened_at and first_at are in partial indexes (the details lists), and SQLite rewrites an
    // index entry whenever the upsert assigns one of its columns, even to the same value. So the
    // upserts leave them alone and return them; the rare earlier time is set by a second update.
    this.recipient = sqlite
      .prepare(
        `insert into stats_recipients (mailing_id, recipient_id, opens, machine_opens, clicks,
           machine_clicks, opened_at, machine_at, first_click_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (mailing_id, recipient_id) do update set
           opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           ${earlier('machine_at')}, ${earlier('first_click_at')}
         returning opened_at`,
      )
      .pluck();
    this.openedAt = sqlite.prepare(
      'update stats_recipients set opened_at = ? where mailing_id = ? and recipient_id = ?',
    );
    this.linkRecipient = sqlite
      .prepare(
        `insert into stats_link_recipients (mailing_id, link_id, recipient_id, clicks, machine_clicks,
           first_at, first_machine_at) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (mailing_id, link_id, recipient_id) do update set
           clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
           ${earlier('first_machine_at')}
         returning first_at`,
      )
      .pluck();
    this.linkFirstAt = sqlite.prepare(
      `update stats_link_recipients set first_at = ?
       where mailing_id = ? and link_id = ? and recipient_id = ?`,
    );
  }

  write(page: PageAggregates): void {
    for (const [mailingId, m] of page.mailings) {
      const t = m.totals;
      this.mailing.run(mailingId, t.opens, t.machineOpens, t.clicks, t.machineClicks);
      for (const [hour, h] of m.hours) {
        this.hour.run(mailingId, hour, h.opens, h.machineOpens, h.clicks, h.machineClicks);
      }
      // Links before their recipients: the trigger on stats_link_recipients updates stats_links.
      for (const [linkId, l] of m.links)
        this.link.run(mailingId, linkId, l.clicks, l.machineClicks);
      for (const [linkId, byRecipient] of m.linkRecipients) {
        for (const [recipientId, r] of byRecipient) {
          const firstAt = this.linkRecipient.get(
            mailingId,
            linkId,
            recipientId,
            r.clicks,
            r.machineClicks,
            r.firstAt,
            r.firstMachineAt,
          ) as number | null;
          if (movesEarlier(firstAt, r.firstAt)) {
            this.linkFirstAt.run(r.firstAt, mailingId, linkId, recipientId);
          }
        }
      }
      for (const [recipientId, r] of m.recipients) {
        const openedAt = this.recipient.get(
          mailingId,
          recipientId,
          r.opens,
          r.machineOpens,
          r.clicks,
          r.machineClicks,
          r.openedAt,
          r.machineAt,
          r.firstClickAt,
        ) as number | null;
        if (movesEarlier(openedAt, r.openedAt))
          this.openedAt.run(r.openedAt, mailingId, recipientId);
      }
    }
  }
}
