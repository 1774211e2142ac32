import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Aggregates behind the statistics, so stats.get reads a handful of rows instead of a million
 * events. Written only by electron/services/stats/statsAggregateStore.ts, by the rules in
 * stats/rules (opens and clicks summed per sync page, bounces, complaints and unsubscribes per
 * event, people counts from the per-recipient rows); no trigger since migration 0017.
 * Per-recipient rows are deleted after three months (anonymised); the per-mailing totals stay.
 */

/** Totals per mailing. "openers" are people: a human open or a human click (a click implies an open). */
export const statsMailings = sqliteTable('stats_mailings', {
  mailingId: text('mailing_id').primaryKey(),
  opens: integer('opens').notNull().default(0),
  machineOpens: integer('machine_opens').notNull().default(0),
  clicks: integer('clicks').notNull().default(0),
  machineClicks: integer('machine_clicks').notNull().default(0),
  /** Recipients with a human open or click. */
  openers: integer('openers').notNull().default(0),
  /** Recipients with only machine opens or clicks (privacy proxies, link scanners). */
  machineOpeners: integer('machine_openers').notNull().default(0),
  clickers: integer('clickers').notNull().default(0),
  machineClickers: integer('machine_clickers').notNull().default(0),
  unsubscribes: integer('unsubscribes').notNull().default(0),
  complaints: integer('complaints').notNull().default(0),
  /** Recipients with a bounce event (bounce mailbox); refusals during sending are job states. */
  bouncesHard: integer('bounces_hard').notNull().default(0),
  bouncesSoft: integer('bounces_soft').notNull().default(0),
  /** Set when the per-recipient details were removed (three months after sending). */
  anonymisedAt: integer('anonymised_at'),
});

/** One row per recipient who did anything: the "details" lists. Removed after three months. */
export const statsRecipients = sqliteTable(
  'stats_recipients',
  {
    mailingId: text('mailing_id').notNull(),
    recipientId: text('recipient_id').notNull(),
    opens: integer('opens').notNull().default(0),
    machineOpens: integer('machine_opens').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    machineClicks: integer('machine_clicks').notNull().default(0),
    /** First human open or click. */
    openedAt: integer('opened_at'),
    /** First machine open or click. */
    machineAt: integer('machine_at'),
    firstClickAt: integer('first_click_at'),
    unsubscribedAt: integer('unsubscribed_at'),
    complainedAt: integer('complained_at'),
    bounce: text('bounce', { enum: ['hard', 'soft'] }),
    bounceAt: integer('bounce_at'),
    bounceDetail: text('bounce_detail'),
  },
  (t) => [
    primaryKey({ columns: [t.mailingId, t.recipientId] }),
    // Partial: an index entry is written only for rows it holds, so opens and clicks stay cheap.
    index('stats_recipients_opened_at_idx')
      .on(t.mailingId, t.openedAt)
      .where(sql`opened_at is not null`),
    index('stats_recipients_unsubscribed_at_idx')
      .on(t.mailingId, t.unsubscribedAt)
      .where(sql`unsubscribed_at is not null`),
    index('stats_recipients_bounce_at_idx')
      .on(t.mailingId, t.bounceAt)
      .where(sql`bounce_at is not null`),
  ],
);

/** Clicks per link of a mailing. */
export const statsLinks = sqliteTable(
  'stats_links',
  {
    mailingId: text('mailing_id').notNull(),
    linkId: integer('link_id').notNull(),
    clicks: integer('clicks').notNull().default(0),
    machineClicks: integer('machine_clicks').notNull().default(0),
    clickers: integer('clickers').notNull().default(0),
    machineClickers: integer('machine_clickers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.mailingId, t.linkId] })],
);

/** Who clicked which link, and when first. Removed after three months. */
export const statsLinkRecipients = sqliteTable(
  'stats_link_recipients',
  {
    mailingId: text('mailing_id').notNull(),
    linkId: integer('link_id').notNull(),
    recipientId: text('recipient_id').notNull(),
    clicks: integer('clicks').notNull().default(0),
    machineClicks: integer('machine_clicks').notNull().default(0),
    firstAt: integer('first_at'),
    firstMachineAt: integer('first_machine_at'),
  },
  (t) => [
    primaryKey({ columns: [t.mailingId, t.linkId, t.recipientId] }),
    index('stats_link_recipients_first_at_idx')
      .on(t.mailingId, t.linkId, t.firstAt)
      .where(sql`first_at is not null`),
  ],
);

/** Opens and clicks per hour (hour = floor(ms / 3600000)), for the line chart. */
export const statsTimeline = sqliteTable(
  'stats_timeline',
  {
    mailingId: text('mailing_id').notNull(),
    hour: integer('hour').notNull(),
    opens: integer('opens').notNull().default(0),
    machineOpens: integer('machine_opens').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    machineClicks: integer('machine_clicks').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.mailingId, t.hour] })],
);

/** The mailing's link table (id → URL) as registered at the tracker, for "Bezoeken van links". */
export const mailingLinks = sqliteTable(
  'mailing_links',
  {
    mailingId: text('mailing_id').notNull(),
    linkId: integer('link_id').notNull(),
    url: text('url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mailingId, t.linkId] })],
);

/**
 * Send jobs per (send, state), kept by triggers on send_jobs, so "Verstuurd en bounces" is a few
 * rows to read instead of a count over every job of a large mailing.
 */
export const statsSendStates = sqliteTable(
  'stats_send_states',
  {
    sendId: text('send_id').notNull(),
    state: text('state').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sendId, t.state] })],
);
