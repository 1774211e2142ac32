import type { AddressStatusT, SuppressionEntryViewT } from '../../contract/suppression';
import type { AppContext } from '../core/appContext';
import { emailHash, normalizeEmail } from './email';

/** Everything the "Opnieuw inschrijven" page shows about one address. */
export function addressStatus(context: AppContext, email: string): AddressStatusT {
  const sqlite = context.database.sqlite;
  const normalized = normalizeEmail(email);
  const hash = emailHash(email);
  const entry = context.suppression.get(email) as SuppressionEntryViewT | undefined;
  const soft = sqlite.prepare('select count from soft_bounces where email_hash = ?').get(hash) as
    { count: number } | undefined;
  const request = sqlite
    .prepare(
      `select requested_at as requestedAt, confirmed_at as confirmedAt from resubscribe_requests
       where normalized_email = ? order by requested_at desc limit 1`,
    )
    .get(normalized) as { requestedAt: number; confirmedAt: number | null } | undefined;
  const inSelections = sqlite
    .prepare('select count(distinct selection_id) as n from contacts where normalized_email = ?')
    .get(normalized) as { n: number };
  return {
    email: normalized,
    suppression: entry ?? null,
    softBounces: soft?.count ?? 0,
    resubscribe: request ?? null,
    selections: inSelections.n,
    canLift: entry?.reason === 'soft_bounce',
    canResubscribe: entry !== undefined,
  };
}

/** The suppression list, newest first, optionally filtered by part of an address. */
export function listSuppression(
  context: AppContext,
  input: { query: string; limit: number; offset: number },
): { total: number; entries: SuppressionEntryViewT[] } {
  const sqlite = context.database.sqlite;
  const filter = input.query.trim().toLowerCase();
  const where = filter ? `where normalized_email like ? escape '\\'` : '';
  const params = filter ? [`%${filter.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
  const total = (
    sqlite.prepare(`select count(*) as n from suppression ${where}`).get(...params) as { n: number }
  ).n;
  const entries = sqlite
    .prepare(
      `select id, normalized_email as email, reason, source, detail, created_at as createdAt
       from suppression ${where} order by created_at desc, id desc limit ? offset ?`,
    )
    .all(...params, input.limit, input.offset) as SuppressionEntryViewT[];
  return { total, entries };
}
