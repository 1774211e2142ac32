import type { TrackerMigration } from './dialect';

/** The tracker's first schema (schema version 1 before numbered migrations). */
export const initial: TrackerMigration = {
  id: 1,
  name: 'initial',
  up: (t) => `
create table if not exists accounts (
  id text primary key,
  user_name text not null unique,
  shop_name text not null,
  password_hash text not null,
  balance integer not null default 0 check (balance >= 0),
  failed_logins integer not null default 0,
  locked_until ${t.int8} not null default 0,
  created_at ${t.int8} not null
);
create table if not exists signing_keys (
  account_id text not null references accounts(id),
  kid text not null,
  secret ${t.bytes} not null,
  position integer not null,
  created_at ${t.int8} not null,
  primary key (account_id, kid)
);
create table if not exists sessions (
  token_hash text primary key,
  account_id text not null references accounts(id),
  created_at ${t.int8} not null,
  expires_at ${t.int8} not null
);
create table if not exists reservations (
  account_id text not null references accounts(id),
  id text not null,
  reserved integer not null check (reserved > 0),
  committed integer not null default 0,
  released integer not null default 0,
  open integer not null default 1,
  created_at ${t.int8} not null,
  primary key (account_id, id),
  check (committed + released <= reserved)
);
create table if not exists credit_commits (
  account_id text not null,
  idempotency_key text not null,
  reservation_id text not null,
  amount integer not null,
  primary key (account_id, idempotency_key)
);
create table if not exists ledger (
  id ${t.serialKey},
  account_id text not null references accounts(id),
  at ${t.int8} not null,
  kind text not null,
  delta integer not null,
  amount integer not null,
  reference text
);
create index if not exists ledger_account on ledger(account_id, id);
create table if not exists bundles (
  id text primary key,
  name text not null,
  credits integer not null check (credits > 0),
  price_cents integer not null check (price_cents >= 0),
  active integer not null default 1
);
create table if not exists orders (
  id text primary key,
  account_id text not null references accounts(id),
  bundle_id text not null references bundles(id),
  credits integer not null,
  status text not null,
  note text,
  idempotency_key text not null,
  created_at ${t.int8} not null,
  unique (account_id, idempotency_key)
);
create table if not exists links (
  account_id text not null,
  mailing text not null,
  link_id integer not null,
  url text not null,
  primary key (account_id, mailing, link_id)
);
create table if not exists web_versions (
  account_id text not null,
  mailing text not null,
  html text not null,
  updated_at ${t.int8} not null,
  primary key (account_id, mailing)
);
create table if not exists assets (
  hash text primary key,
  mime text not null,
  bytes ${t.bytes} not null,
  account_id text not null,
  created_at ${t.int8} not null
);
create table if not exists events (
  seq ${t.serialKey},
  id text not null unique,
  account_id text not null,
  kind text not null,
  mailing text not null,
  recipient text,
  link_id integer,
  machine text,
  at ${t.int8} not null,
  ip text,
  user_agent text
);
create index if not exists events_account_seq on events(account_id, seq);
create index if not exists events_identified_at on events(at) where recipient is not null;
create table if not exists suppressions (
  account_id text not null,
  recipient text not null,
  mailing text,
  at ${t.int8} not null,
  primary key (account_id, recipient)
);
`,
};
