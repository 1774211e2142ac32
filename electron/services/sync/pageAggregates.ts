import type Database from 'better-sqlite3';

const HOUR = 3_600_000;

interface Counts {
  opens: number;
  machineOpens: number;
  clicks: number;
  machineClicks: number;
}

interface RecipientDelta extends Counts {
  mailingId: string;
  recipientId: string;
  openedAt: number | null;
  machineAt: number | null;
  firstClickAt: number | null;
}

interface LinkRecipientDelta {
  mailingId: string;
  linkId: number;
  recipientId: string;
  clicks: number;
  machineClicks: number;
  firstAt: number | null;
  firstMachineAt: number | null;
}

const zero = (): Counts => ({ opens: 0, machineOpens: 0, clicks: 0, machineClicks: 0 });
const earliest = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.min(a, b);

/**
 * Opens and clicks of one sync page, summed in memory and written as one upsert per mailing, hour,
 * link and recipient instead of several statements per event (a page of 5,000 events touches a
 * few dozen aggregate rows). Who-counts (openers, clickers) follow from the recipient rows through
 * the triggers on stats_recipients and stats_link_recipients. Bounces, complaints and unsubscribes
 * are rare and counted by triggers on events, whoever writes them.
 */
export class PageAggregates {
  readonly mailings = new Map<string, Counts>();
  readonly hours = new Map<string, Counts & { mailingId: string; hour: number }>();
  readonly links = new Map<string, Counts & { mailingId: string; linkId: number }>();
  readonly recipients = new Map<string, RecipientDelta>();
  readonly linkRecipients = new Map<string, LinkRecipientDelta>();

  add(event: {
    kind: 'open' | 'click';
    mailingId: string;
    recipientId: string | null;
    linkId: number | null;
    machine: boolean;
    at: number;
  }): void {
    const { kind, mailingId, recipientId, linkId, machine, at } = event;
    const field: keyof Counts =
      kind === 'open' ? (machine ? 'machineOpens' : 'opens') : machine ? 'machineClicks' : 'clicks';
    const total = this.mailings.get(mailingId) ?? zero();
    total[field] += 1;
    this.mailings.set(mailingId, total);

    const hour = Math.floor(at / HOUR);
    const hourKey = `${mailingId}\u0000${hour}`;
    const bucket = this.hours.get(hourKey) ?? { ...zero(), mailingId, hour };
    bucket[field] += 1;
    this.hours.set(hourKey, bucket);

    if (kind === 'click' && linkId !== null) {
      const linkKey = `${mailingId}\u0000${linkId}`;
      const link = this.links.get(linkKey) ?? { ...zero(), mailingId, linkId };
      link[field] += 1;
      this.links.set(linkKey, link);
      if (recipientId !== null) {
        const key = `${linkKey}\u0000${recipientId}`;
        const row = this.linkRecipients.get(key) ?? {
          mailingId,
          linkId,
          recipientId,
          clicks: 0,
          machineClicks: 0,
          firstAt: null,
          firstMachineAt: null,
        };
        if (machine) {
          row.machineClicks += 1;
          row.firstMachineAt = earliest(row.firstMachineAt, at);
        } else {
          row.clicks += 1;
          row.firstAt = earliest(row.firstAt, at);
        }
        this.linkRecipients.set(key, row);
      }
    }

    if (recipientId === null) return;
    const key = `${mailingId}\u0000${recipientId}`;
    const row = this.recipients.get(key) ?? {
      ...zero(),
      mailingId,
      recipientId,
      openedAt: null,
      machineAt: null,
      firstClickAt: null,
    };
    row[field] += 1;
    // A click by a person means the mail was opened, also when its images were blocked.
    if (machine) row.machineAt = earliest(row.machineAt, at);
    else row.openedAt = earliest(row.openedAt, at);
    if (kind === 'click' && !machine) row.firstClickAt = earliest(row.firstClickAt, at);
    this.recipients.set(key, row);
  }
}

/** Prepared statements that write a page's aggregates; call inside the page's transaction. */
export class AggregateWriter {
  private readonly mailing: Database.Statement;
  private readonly hour: Database.Statement;
  private readonly link: Database.Statement;
  private readonly recipient: Database.Statement;
  private readonly linkRecipient: Database.Statement;

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
    this.recipient = sqlite.prepare(
      `insert into stats_recipients (mailing_id, recipient_id, opens, machine_opens, clicks,
         machine_clicks, opened_at, machine_at, first_click_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (mailing_id, recipient_id) do update set
         opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
         clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
         ${earlier('opened_at')}, ${earlier('machine_at')}, ${earlier('first_click_at')}`,
    );
    this.linkRecipient = sqlite.prepare(
      `insert into stats_link_recipients (mailing_id, link_id, recipient_id, clicks, machine_clicks,
         first_at, first_machine_at) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (mailing_id, link_id, recipient_id) do update set
         clicks = clicks + excluded.clicks, machine_clicks = machine_clicks + excluded.machine_clicks,
         ${earlier('first_at')}, ${earlier('first_machine_at')}`,
    );
  }

  write(page: PageAggregates): void {
    const p = page;
    for (const [mailingId, c] of p.mailings) {
      this.mailing.run(mailingId, c.opens, c.machineOpens, c.clicks, c.machineClicks);
    }
    for (const h of p.hours.values()) {
      this.hour.run(h.mailingId, h.hour, h.opens, h.machineOpens, h.clicks, h.machineClicks);
    }
    for (const l of p.links.values())
      this.link.run(l.mailingId, l.linkId, l.clicks, l.machineClicks);
    for (const r of p.linkRecipients.values()) {
      this.linkRecipient.run(
        r.mailingId,
        r.linkId,
        r.recipientId,
        r.clicks,
        r.machineClicks,
        r.firstAt,
        r.firstMachineAt,
      );
    }
    for (const r of p.recipients.values()) {
      this.recipient.run(
        r.mailingId,
        r.recipientId,
        r.opens,
        r.machineOpens,
        r.clicks,
        r.machineClicks,
        r.openedAt,
        r.machineAt,
        r.firstClickAt,
      );
    }
  }
}
