import type { TrackerMigration } from './dialect';

/** Re-subscription by confirmation page, and login limits kept in the database (schema version 2). */
export const confirmationsLoginLimits: TrackerMigration = {
  id: 2,
  name: 'confirmations_login_limits',
  up: (t) => `
create table if not exists confirmations (
  account_id text not null,
  recipient text not null,
  at ${t.int8} not null,
  primary key (account_id, recipient)
);
create table if not exists login_locks (
  account_id text not null references accounts(id),
  network text not null,
  failures integer not null,
  locked_until ${t.int8} not null,
  primary key (account_id, network)
);
create table if not exists login_windows (
  scope text primary key,
  window_start ${t.int8} not null,
  attempts integer not null
);
`,
};
