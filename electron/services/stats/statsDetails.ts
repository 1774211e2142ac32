import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { DetailListT, DetailRow } from '../../contract/stats';

export type DetailRowT = z.infer<typeof DetailRow>;

export interface DetailsQuery {
  mailingId: string;
  list: DetailListT;
  linkId?: number;
  includeMachine: boolean;
  offset: number;
  limit: number;
}

interface RawRow {
  recipientId: string;
  at: number | null;
  count: number;
  detail: string;
  machine: number;
}

const SENDS_OF = 'select id from sends where mailing_id = :mailingId';

/**
 * "Details": who opened, clicked, bounced or unsubscribed, and when, for one mailing, a page at a
 * time. Recipient ids are turned back into people through the send jobs (only this database can).
 */
function listSql(query: DetailsQuery): { rows: string; total: string } {
  const machine = query.includeMachine;
  switch (query.list) {
    case 'opened': {
      const where = machine
        ? 'mailing_id = :mailingId and (opened_at is not null or machine_at is not null)'
        : 'mailing_id = :mailingId and opened_at is not null';
      return {
        rows: `select recipient_id as recipientId, coalesce(opened_at, machine_at) as at,
                 ${machine ? 'opens + clicks + machine_opens + machine_clicks' : 'opens + clicks'} as count,
                 '' as detail, (opened_at is null) as machine
               from stats_recipients where ${where} order by at, recipient_id`,
        total: `select count(*) from stats_recipients where ${where}`,
      };
    }
    case 'clicked': {
      if (query.linkId !== undefined) {
        const where = machine
          ? 'mailing_id = :mailingId and link_id = :linkId'
          : 'mailing_id = :mailingId and link_id = :linkId and first_at is not null';
        return {
          rows: `select recipient_id as recipientId, coalesce(first_at, first_machine_at) as at,
                   ${machine ? 'clicks + machine_clicks' : 'clicks'} as count, '' as detail,
                   (first_at is null) as machine
                 from stats_link_recipients where ${where} order by at, recipient_id`,
          total: `select count(*) from stats_link_recipients where ${where}`,
        };
      }
      const where = machine
        ? 'mailing_id = :mailingId and (clicks > 0 or machine_clicks > 0)'
        : 'mailing_id = :mailingId and clicks > 0';
      return {
        rows: `select recipient_id as recipientId, coalesce(first_click_at, machine_at) as at,
                 ${machine ? 'clicks + machine_clicks' : 'clicks'} as count, '' as detail,
                 (clicks = 0) as machine
               from stats_recipients where ${where} order by at, recipient_id`,
        total: `select count(*) from stats_recipients where ${where}`,
      };
    }
    case 'unsubscribes':
    case 'complaints': {
      const column = query.list === 'unsubscribes' ? 'unsubscribed_at' : 'complained_at';
      const where = `mailing_id = :mailingId and ${column} is not null`;
      return {
        rows: `select recipient_id as recipientId, ${column} as at, 1 as count, '' as detail, 0 as machine
               from stats_recipients where ${where} order by at, recipient_id`,
        total: `select count(*) from stats_recipients where ${where}`,
      };
    }
    case 'bounces': {
      // Refusals during sending (job state) and later bounce reports, each person once.
      const union = `
        select recipient_id as recipientId, updated_at as at, 1 as count,
          (case state when 'bounced_hard' then 'hard' else 'soft' end) || ': ' || coalesce(last_error, '')
            as detail, 0 as machine
        from send_jobs where send_id in (${SENDS_OF}) and state in ('bounced_hard', 'bounced_soft')
        union all
        select r.recipient_id, r.bounce_at, 1, r.bounce || ': ' || coalesce(r.bounce_detail, ''), 0
        from stats_recipients r where r.mailing_id = :mailingId and r.bounce_at is not null
          and not exists (select 1 from send_jobs j where j.mailing_id = r.mailing_id
            and j.recipient_id = r.recipient_id and j.state in ('bounced_hard', 'bounced_soft'))`;
      return {
        rows: `select * from (${union}) order by at, recipientId`,
        total: `select count(*) from (${union})`,
      };
    }
  }
}

export class StatsDetails {
  private readonly person: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.person = sqlite.prepare(
      'select email, data from send_jobs where recipient_id = ? and mailing_id = ? limit 1',
    );
  }

  page(query: DetailsQuery): { total: number; rows: DetailRowT[] } {
    const sql = listSql(query);
    const params: Record<string, unknown> = { mailingId: query.mailingId };
    if (query.list === 'clicked' && query.linkId !== undefined) params.linkId = query.linkId;
    const total = this.sqlite.prepare(sql.total).pluck().get(params) as number;
    const raw = this.sqlite
      .prepare(`${sql.rows} limit :limit offset :offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as RawRow[];
    return { total, rows: raw.map((row) => this.toRow(row, query.mailingId)) };
  }

  /** Every row (for the CSV export), read page by page. */
  *all(query: Omit<DetailsQuery, 'offset' | 'limit'>): Generator<DetailRowT> {
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const { rows } = this.page({ ...query, offset, limit });
      yield* rows;
      if (rows.length < limit) return;
    }
  }

  private toRow(row: RawRow, mailingId: string): DetailRowT {
    const person = this.person.get(row.recipientId, mailingId) as
      { email: string; data: string } | undefined;
    return {
      email: person?.email ?? '',
      name: person ? nameOf(person.data) : '',
      at: row.at,
      count: row.count,
      detail: row.detail,
      machine: row.machine === 1,
    };
  }
}

function nameOf(data: string): string {
  try {
    const values = JSON.parse(data) as Record<string, unknown>;
    const name = values.naam ?? values.voornaam;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}
