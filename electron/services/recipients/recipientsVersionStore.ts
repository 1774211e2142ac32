import type Database from 'better-sqlite3';

/**
 * The store of two write counters (TEMP tables recipients_version and contacts_version) and the
 * TEMP triggers that move them. recipients_version goes up with every write that can change who
 * a mailing goes to: its selections (attach, detach, import, removal), their contacts (erasure,
 * merged data), the suppression list, and mails marked sent (fair use). TEMP triggers on the one
 * writer connection do the counting, so every writer is covered without each having to remember
 * to call us. Imports add rows under a new selection, so one trigger on `selections` covers them
 * (no per-contact cost).
 */
interface Watched {
  name: string;
  on: string;
  when?: string;
}

const WATCHED: readonly Watched[] = [
  { name: 'selections_insert', on: 'insert on selections' },
  { name: 'selections_update', on: 'update on selections' },
  { name: 'selections_delete', on: 'delete on selections' },
  { name: 'mailing_selections_insert', on: 'insert on mailing_selections' },
  { name: 'mailing_selections_delete', on: 'delete on mailing_selections' },
  { name: 'contacts_update', on: 'update on contacts' },
  { name: 'contacts_delete', on: 'delete on contacts' },
  { name: 'suppression_insert', on: 'insert on suppression' },
  { name: 'suppression_update', on: 'update on suppression' },
  { name: 'suppression_delete', on: 'delete on suppression' },
  { name: 'send_jobs_insert', on: 'insert on send_jobs', when: "new.state = 'sent'" },
  {
    name: 'send_jobs_sent',
    on: 'update of state, sent_at on send_jobs',
    when: "new.state = 'sent' or old.state = 'sent'",
  },
  { name: 'send_jobs_delete', on: 'delete on send_jobs', when: "old.state = 'sent'" },
  // A mailing's segment, and the opens and clicks its behaviour conditions read.
  { name: 'mailing_segments_insert', on: 'insert on mailing_segments' },
  { name: 'mailing_segments_update', on: 'update on mailing_segments' },
  { name: 'mailing_segments_delete', on: 'delete on mailing_segments' },
  { name: 'stats_recipients_insert', on: 'insert on stats_recipients' },
  {
    name: 'stats_recipients_update',
    on: 'update of opened_at, clicks on stats_recipients',
    when: 'new.opened_at is not old.opened_at or new.clicks != old.clicks',
  },
  { name: 'stats_recipients_delete', on: 'delete on stats_recipients' },
];

/**
 * Only what changes a selection's contacts once imported (erasure, merged data, removal): the
 * per-selection contacts kept in memory stay valid until this moves.
 */
const CONTACTS_WATCHED: readonly Watched[] = WATCHED.filter((w) =>
  ['selections_update', 'selections_delete', 'contacts_update', 'contacts_delete'].includes(w.name),
);

export function installRecipientsVersion(sqlite: Database.Database): () => number {
  return installWriteCounter(sqlite, 'recipients_version', WATCHED);
}

export function installContactsVersion(sqlite: Database.Database): () => number {
  return installWriteCounter(sqlite, 'contacts_version', CONTACTS_WATCHED);
}

function installWriteCounter(
  sqlite: Database.Database,
  table: string,
  watched: readonly Watched[],
): () => number {
  sqlite.exec(`create temp table if not exists ${table} (version integer not null)`);
  if (!sqlite.prepare(`select 1 from temp.${table}`).get()) {
    sqlite.prepare(`insert into temp.${table} (version) values (0)`).run();
  }
  for (const w of watched) {
    sqlite.exec(
      `create temp trigger if not exists ${table}_bump_${w.name} after ${w.on}
       ${w.when ? `when ${w.when}` : ''}
       begin update temp.${table} set version = version + 1; end`,
    );
  }
  const read = sqlite.prepare(`select version from temp.${table}`).pluck();
  return () => read.get() as number;
}
