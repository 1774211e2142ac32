import type Database from 'better-sqlite3';

// Rows written with the columns of 0000_foundation only, so every migration step can seed them.

const HOUR = 3_600_000;
/** A Tuesday morning in the shop's time, on an hour boundary so timeline buckets are easy to read. */
export const T0 = Date.UTC(2026, 2, 3, 9);
export const at = (hours: number, minutes = 0): number => T0 + hours * HOUR + minutes * 60_000;
export const hourOf = (time: number): number => Math.floor(time / HOUR);

export function addMailing(
  sqlite: Database.Database,
  id: string,
  subject = 'Voorjaarsactie',
): void {
  sqlite
    .prepare(
      `insert into mailings (id, type, subject, document, status, created_at, updated_at, content_changed_at, sent_at)
       values (?, 'newsletter', ?, '{"blocks":[]}', 'sent', ?, ?, ?, ?)`,
    )
    .run(id, subject, T0 - HOUR, T0 - HOUR, T0 - HOUR, T0);
}

export function addSend(sqlite: Database.Database, id: string, mailingId: string): void {
  sqlite
    .prepare(
      `insert into sends (id, mailing_id, idempotency_key, state, started_at, recipients, credits_reserved, credits_committed, created_at)
       values (?, ?, ?, 'running', ?, 3, 3, 1, ?)`,
    )
    .run(id, mailingId, `key-${id}`, T0, T0);
}

export interface JobRow {
  sendId: string;
  mailingId: string;
  email: string;
  state: string;
  messageId?: string;
}

export function addJob(sqlite: Database.Database, job: JobRow): number {
  const normalized = job.email.toLowerCase();
  const result = sqlite
    .prepare(
      `insert into send_jobs (send_id, mailing_id, email, normalized_email, recipient_id, message_id, state, sent_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      job.sendId,
      job.mailingId,
      job.email,
      normalized,
      `r-${normalized}`,
      job.messageId ?? `<${normalized}.${job.sendId}@winkelpost.nl>`,
      job.state,
      job.state === 'sent' ? T0 : null,
      T0,
    );
  return Number(result.lastInsertRowid);
}

export interface EventRow {
  id: string;
  mailingId: string;
  recipientId: string | null;
  kind: 'open' | 'click' | 'unsubscribe' | 'complaint' | 'bounce_hard' | 'bounce_soft';
  at: number;
  linkId?: number;
  machine?: boolean;
  detail?: string;
}

/** As the sync and the bounce mailbox write them: a repeated id is ignored. */
export function addEvents(sqlite: Database.Database, events: EventRow[]): void {
  const insert = sqlite.prepare(
    `insert or ignore into events (id, mailing_id, recipient_id, kind, link_id, machine, at, detail)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of events) {
    insert.run(
      e.id,
      e.mailingId,
      e.recipientId,
      e.kind,
      e.linkId ?? null,
      e.machine ? 1 : 0,
      e.at,
      e.detail ?? '',
    );
  }
}

export function rowsOf(sqlite: Database.Database, table: string, mailingId: string): unknown[] {
  return sqlite.prepare(`select * from ${table} where mailing_id = ? order by 2, 3`).all(mailingId);
}

export function mailingStats(
  sqlite: Database.Database,
  mailingId: string,
): Record<string, unknown> | undefined {
  return sqlite.prepare('select * from stats_mailings where mailing_id = ?').get(mailingId) as
    Record<string, unknown> | undefined;
}

/**
 * One mailing's first morning as the sync and the bounce mailbox deliver it, out of order in
 * places: Anna's mail client first fetches by machine (Apple's privacy proxy) then she opens it
 * twice (the later open arrives first) and clicks link 1 twice; Bart clicks link 2 with images
 * blocked; a link scanner opens and clicks for Cees; Dirk bounces soft then hard, Els hard then
 * soft; Fien opens, unsubscribes and complains. The last event is a sync page sent again.
 */
export function morningEvents(mailingId: string): EventRow[] {
  const m = (
    id: string,
    recipient: string,
    rest: Omit<EventRow, 'id' | 'mailingId' | 'recipientId'>,
  ) => ({
    id: `${mailingId}-${id}`,
    mailingId,
    recipientId: `r-${recipient}`,
    ...rest,
  });
  return [
    m('1', 'anna', { kind: 'open', at: at(0, 1), machine: true }),
    m('2', 'anna', { kind: 'open', at: at(2, 10) }),
    m('3', 'anna', { kind: 'open', at: at(0, 30) }),
    m('4', 'anna', { kind: 'click', at: at(2, 12), linkId: 1 }),
    m('5', 'anna', { kind: 'click', at: at(2, 11), linkId: 1 }),
    m('6', 'bart', { kind: 'click', at: at(1, 5), linkId: 2 }),
    m('7', 'cees', { kind: 'open', at: at(0, 2), machine: true }),
    m('8', 'cees', { kind: 'click', at: at(0, 2), linkId: 1, machine: true }),
    m('9', 'dirk', { kind: 'bounce_soft', at: at(0, 5), detail: '452 mailbox full' }),
    m('10', 'dirk', { kind: 'bounce_hard', at: at(3), detail: '550 user unknown' }),
    m('11', 'els', { kind: 'bounce_hard', at: at(0, 5), detail: '550 no such user' }),
    m('12', 'els', { kind: 'bounce_soft', at: at(1), detail: '421 try later' }),
    m('13', 'fien', { kind: 'open', at: at(0, 40) }),
    m('14', 'fien', { kind: 'unsubscribe', at: at(0, 41) }),
    m('15', 'fien', { kind: 'complaint', at: at(0, 42) }),
    m('2', 'anna', { kind: 'open', at: at(2, 10) }),
  ];
}

/** stats_mailings after morningEvents, counted by hand from the story above. */
export const MORNING_TOTALS = {
  opens: 3,
  machine_opens: 2,
  clicks: 3,
  machine_clicks: 1,
  openers: 3,
  machine_openers: 1,
  clickers: 2,
  machine_clickers: 1,
  unsubscribes: 1,
  complaints: 1,
  bounces_hard: 2,
  bounces_soft: 0,
  anonymised_at: null,
};

export const AGGREGATES = [
  'stats_mailings',
  'stats_timeline',
  'stats_links',
  'stats_recipients',
  'stats_link_recipients',
];

/** Every aggregate row of a mailing, with the mailing id left out so two mailings compare. */
export function aggregatesOf(
  sqlite: Database.Database,
  mailingId: string,
): Record<string, unknown[]> {
  return Object.fromEntries(
    AGGREGATES.map((table) => [
      table,
      rowsOf(sqlite, table, mailingId).map((row) => ({ ...(row as object), mailing_id: '*' })),
    ]),
  );
}
