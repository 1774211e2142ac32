import type { SqlDriver, SqlExecutor } from '../sqlDriver';
import type { NewEvent, StoredEvent, TrackerStore } from '../types';

/** Serialises event writers in PostgreSQL so sequence order equals commit order (no cursor skips). */
const EVENT_WRITE_LOCK = 7707002;
const INSERT_EVENT =
  'insert into events (id, account_id, kind, mailing, recipient, link_id, machine, at, ip, user_agent)';

const eventRow = (e: NewEvent) => [
  e.id,
  e.account,
  e.kind,
  e.mailing,
  e.recipient,
  e.link,
  e.machine,
  e.at,
  e.ip,
  e.userAgent,
];

async function insertEventRows(tx: SqlExecutor, events: NewEvent[]): Promise<void> {
  await tx.insertMany(INSERT_EVENT, events.map(eventRow), 'on conflict (id) do nothing');
}

const insertEvent = (tx: SqlExecutor, e: NewEvent) => insertEventRows(tx, [e]);

async function lockEvents(tx: SqlExecutor): Promise<void> {
  if (tx.dialect === 'postgres')
    await tx.all('select pg_advisory_xact_lock(?)', [EVENT_WRITE_LOCK]);
}

/** Opens, clicks, unsubscribes, confirmations, the suppression list and retention. */
export function eventQueries(
  db: SqlDriver,
): Pick<
  TrackerStore,
  | 'insertEvents'
  | 'unsubscribe'
  | 'confirm'
  | 'isConfirmed'
  | 'eventsAfter'
  | 'listSuppressions'
  | 'anonymiseEventsBefore'
> {
  return {
    async insertEvents(events) {
      if (events.length === 0) return;
      // Opens and clicks: relaxed commits keep the disk flush off the request path. Unsubscribes,
      // confirmations and credits below always wait for the disk.
      await db.transaction(
        async (tx) => {
          await lockEvents(tx);
          await insertEventRows(tx, events);
        },
        { relaxed: true },
      );
    },

    async unsubscribe(event) {
      return db.transaction(async (tx) => {
        await lockEvents(tx);
        const added = await tx.run(
          `insert into suppressions (account_id, recipient, mailing, at) values (?, ?, ?, ?)
           on conflict (account_id, recipient) do nothing`,
          [event.account, event.recipient, event.mailing, event.at],
        );
        if (added) await insertEvent(tx, event);
        return added > 0;
      });
    },

    async confirm(event) {
      return db.transaction(async (tx) => {
        await lockEvents(tx);
        // Once per token's recipient: a second click (or a replayed POST) changes nothing.
        const added = await tx.run(
          `insert into confirmations (account_id, recipient, at) values (?, ?, ?)
           on conflict (account_id, recipient) do nothing`,
          [event.account, event.recipient, event.at],
        );
        if (!added) return false;
        await insertEvent(tx, event);
        await tx.run('delete from suppressions where account_id = ? and recipient = ?', [
          event.account,
          event.recipient,
        ]);
        return true;
      });
    },

    async isConfirmed(accountId, recipient) {
      const rows = await db.all(
        'select 1 as found from confirmations where account_id = ? and recipient = ?',
        [accountId, recipient],
      );
      return rows.length > 0;
    },

    async eventsAfter(accountId, cursor, limit) {
      const after = cursor === null ? 0 : Number(cursor);
      // Arrays, not row objects: a 10,000-row page is the hot path of a sync.
      const rows = await db.allArrays(
        `select seq, id, kind, mailing, recipient, link_id, machine, at from events
          where account_id = ? and seq > ? order by seq limit ?`,
        [accountId, after, limit],
      );
      const events = rows.map((r): StoredEvent => ({
        seq: r[0] as number,
        id: r[1] as string,
        kind: r[2] as StoredEvent['kind'],
        mailing: r[3] as string,
        recipient: r[4] as string | null,
        link: r[5] as number | null,
        machine: r[6] as StoredEvent['machine'],
        at: r[7] as number,
      }));
      const last = events[events.length - 1];
      return { events, nextCursor: last ? String(last.seq) : cursor };
    },

    async listSuppressions(accountId) {
      return db.all<{ recipient: string; mailing: string | null; at: number }>(
        'select recipient, mailing, at from suppressions where account_id = ? order by at, recipient',
        [accountId],
      );
    },

    async anonymiseEventsBefore(cutoff) {
      return db.run(
        'update events set recipient = null, ip = null, user_agent = null where at < ? and recipient is not null',
        [cutoff],
      );
    },
  };
}
