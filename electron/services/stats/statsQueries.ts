import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { DomainError } from '../../contract';
import type { HomeStats, MailingStatsT, SentMailing } from '../../contract/stats';
import { HOUR } from '../core/clock';
import { DETAILS_RETENTION_MS } from './retention';

type SentMailingT = z.infer<typeof SentMailing>;
type HomeStatsT = z.infer<typeof HomeStats>;

/** The line chart covers the first seven days after sending. */
export const TIMELINE_HOURS = 7 * 24;

const SENT_MAILINGS = `
  select m.id as mailingId, m.subject, m.type,
    coalesce(m.sent_at, (select min(s.started_at) from sends s where s.mailing_id = m.id)) as sentAt,
    (select coalesce(sum(s.recipients), 0) from sends s where s.mailing_id = m.id
      and s.state <> 'scheduled') as recipients
  from mailings m
  where m.status = 'sent' or exists (
    select 1 from sends s where s.mailing_id = m.id and s.state in ('running', 'paused', 'finished'))
  order by sentAt desc, m.created_at desc`;

interface AggregateRow {
  opens: number;
  machineOpens: number;
  clicks: number;
  machineClicks: number;
  openers: number;
  machineOpeners: number;
  clickers: number;
  machineClickers: number;
  unsubscribes: number;
  complaints: number;
  bouncesHard: number;
  bouncesSoft: number;
  anonymisedAt: number | null;
}

const EMPTY_AGGREGATES: AggregateRow = {
  opens: 0,
  machineOpens: 0,
  clicks: 0,
  machineClicks: 0,
  openers: 0,
  machineOpeners: 0,
  clickers: 0,
  machineClickers: 0,
  unsubscribes: 0,
  complaints: 0,
  bouncesHard: 0,
  bouncesSoft: 0,
  anonymisedAt: null,
};

/**
 * Read side of the statistics (the stats store's reads): a few indexed reads of the aggregates
 * StatsAggregateStore keeps (per mailing, per link, per hour) and of the job counts per state.
 * No scan of events or of send jobs.
 */
export class StatsQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      list: sqlite.prepare(SENT_MAILINGS),
      mailing: sqlite.prepare(
        `select m.id as mailingId, m.subject, m.type,
           coalesce(m.sent_at, (select min(s.started_at) from sends s where s.mailing_id = m.id)) as sentAt
         from mailings m where m.id = ?`,
      ),
      jobStates: sqlite.prepare(
        `select state, sum(count) as n from stats_send_states
         where send_id in (select id from sends where mailing_id = ?) group by state`,
      ),
      aggregates: sqlite.prepare(
        `select opens, machine_opens as machineOpens, clicks, machine_clicks as machineClicks,
           openers, machine_openers as machineOpeners, clickers, machine_clickers as machineClickers,
           unsubscribes, complaints, bounces_hard as bouncesHard, bounces_soft as bouncesSoft,
           anonymised_at as anonymisedAt
         from stats_mailings where mailing_id = ?`,
      ),
      // Bounce reports for mails the queue counted as sent (a refusal during sending is a job state).
      bouncesOnSent: sqlite.prepare(
        `select r.bounce, count(*) as n from stats_recipients r
         cross join send_jobs j on j.recipient_id = r.recipient_id and j.mailing_id = r.mailing_id
         where r.mailing_id = ? and r.bounce_at is not null and j.state = 'sent'
         group by r.bounce`,
      ),
      links: sqlite.prepare(
        `select link_id as linkId, clicks, clickers, machine_clicks as machineClicks,
           machine_clickers as machineClickers
         from stats_links where mailing_id = ? order by link_id`,
      ),
      timeline: sqlite.prepare(
        `select hour, opens, machine_opens as machineOpens, clicks, machine_clicks as machineClicks
         from stats_timeline where mailing_id = ? and hour >= ? and hour < ? order by hour`,
      ),
      linkUrls: sqlite.prepare('select link_id as id, url from mailing_links where mailing_id = ?'),
      clicksWithoutUrl: sqlite.prepare(
        `select 1 from stats_links s where s.mailing_id = ? and not exists (
           select 1 from mailing_links l where l.mailing_id = s.mailing_id and l.link_id = s.link_id)
         limit 1`,
      ),
      activeSends: sqlite.prepare(
        `select s.id as sendId, s.mailing_id as mailingId, m.subject, s.state,
           s.scheduled_at as scheduledAt, s.recipients,
           (select count(*) from send_jobs j where j.send_id = s.id
              and j.state in ('sent', 'bounced_hard', 'bounced_soft', 'failed')) as done
         from sends s join mailings m on m.id = s.mailing_id
         where s.state in ('scheduled', 'running', 'paused')
         order by coalesce(s.scheduled_at, s.created_at)`,
      ),
    };
  }

  list(): SentMailingT[] {
    return this.s.list.all() as SentMailingT[];
  }

  get(mailingId: string): MailingStatsT {
    const mailing = this.s.mailing.get(mailingId) as Omit<SentMailingT, 'recipients'> | undefined;
    if (!mailing) {
      throw new DomainError(
        'not_found',
        `Mailing ${mailingId} not found`,
        'common:errors.notFound',
      );
    }
    const states = new Map(
      (this.s.jobStates.all(mailingId) as { state: string; n: number }[]).map((r) => [
        r.state,
        r.n,
      ]),
    );
    const count = (...names: string[]) => names.reduce((sum, n) => sum + (states.get(n) ?? 0), 0);
    const agg = (this.s.aggregates.get(mailingId) as AggregateRow | undefined) ?? EMPTY_AGGREGATES;
    const anonymised = agg.anonymisedAt !== null;

    const jobHard = count('bounced_hard');
    const jobSoft = count('bounced_soft');
    let reportedHard: number;
    let reportedSoft: number;
    if (anonymised) {
      // Details are gone: estimate from the totals (reports the queue did not already count).
      reportedHard = Math.max(0, agg.bouncesHard - jobHard);
      reportedSoft = Math.max(0, agg.bouncesSoft - jobSoft);
    } else {
      const onSent = new Map(
        (this.s.bouncesOnSent.all(mailingId) as { bounce: string; n: number }[]).map((r) => [
          r.bounce,
          r.n,
        ]),
      );
      reportedHard = onSent.get('hard') ?? 0;
      reportedSoft = onSent.get('soft') ?? 0;
    }
    const accepted = count('sent');
    const sent = accepted + jobHard + jobSoft;
    const skipped = count('suppressed', 'skipped');
    const total = [...states.values()].reduce((a, b) => a + b, 0);

    const urls = new Map(
      (this.s.linkUrls.all(mailingId) as { id: number; url: string }[]).map((r) => [r.id, r.url]),
    );
    const links = (
      this.s.links.all(mailingId) as Omit<MailingStatsT['links'][number], 'url'>[]
    ).map((link) => ({ ...link, url: urls.get(link.linkId) ?? null }));

    const startHour = mailing.sentAt === null ? 0 : Math.floor(mailing.sentAt / HOUR);
    const timeline =
      mailing.sentAt === null
        ? []
        : (
            this.s.timeline.all(mailingId, startHour, startHour + TIMELINE_HOURS) as {
              hour: number;
              opens: number;
              machineOpens: number;
              clicks: number;
              machineClicks: number;
            }[]
          ).map((p) => ({ ...p, hour: p.hour - startHour }));

    return {
      mailing: { ...mailing, recipients: total - skipped },
      delivery: {
        delivered: Math.max(0, accepted - reportedHard - reportedSoft),
        sent,
        hardBounces: jobHard + reportedHard,
        softBounces: jobSoft + reportedSoft,
        failed: count('failed'),
        pending: count('queued', 'sending', 'retry', 'uncertain'),
        skipped,
      },
      openers: agg.openers,
      machineOpeners: agg.machineOpeners,
      opens: agg.opens,
      machineOpens: agg.machineOpens,
      clickers: agg.clickers,
      machineClickers: agg.machineClickers,
      clicks: agg.clicks,
      machineClicks: agg.machineClicks,
      unsubscribes: agg.unsubscribes,
      complaints: agg.complaints,
      links,
      timeline,
      detailsUntil: mailing.sentAt === null ? null : mailing.sentAt + DETAILS_RETENTION_MS,
      anonymised,
    };
  }

  /** Clicks on a link whose URL the link table lacks (a send from before snapshots). */
  hasClicksWithoutUrl(mailingId: string): boolean {
    return this.s.clicksWithoutUrl.get(mailingId) !== undefined;
  }

  home(): HomeStatsT {
    const last = this.list()[0];
    let lastMailing: HomeStatsT['lastMailing'] = null;
    if (last) {
      const stats = this.get(last.mailingId);
      lastMailing = {
        mailing: stats.mailing,
        delivered: stats.delivery.delivered,
        openers: stats.openers,
        clickers: stats.clickers,
        unsubscribes: stats.unsubscribes,
        bounces: stats.delivery.hardBounces + stats.delivery.softBounces,
      };
    }
    return {
      lastMailing,
      activeSends: this.s.activeSends.all() as HomeStatsT['activeSends'],
    };
  }
}
