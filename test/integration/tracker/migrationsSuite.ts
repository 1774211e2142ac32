import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TRACKER_MIGRATIONS,
  migrationSql,
  type TrackerMigration,
} from '../../../tracker/store/migrations';

/** A raw connection to an empty tracker database of one dialect, with that dialect's migrator. */
export interface MigrationTarget {
  dialect: 'sqlite' | 'postgres';
  exec(sql: string): Promise<void>;
  /** SQL with `?` placeholders. */
  all<T>(sql: string, params?: (string | number | Buffer | null)[]): Promise<T[]>;
  tables(): Promise<string[]>;
  migrate(list: readonly TrackerMigration[]): Promise<void>;
  /** The schema version a tracker from before the numbered list kept. */
  legacyVersion(): Promise<number>;
  setLegacyVersion(version: number): Promise<void>;
  close(): Promise<void>;
}

const through = (id: number) => TRACKER_MIGRATIONS.filter((m) => m.id <= id);
const V1_TABLES = [
  'accounts',
  'assets',
  'bundles',
  'credit_commits',
  'events',
  'ledger',
  'links',
  'orders',
  'reservations',
  'sessions',
  'signing_keys',
  'suppressions',
  'web_versions',
];
const V2_TABLES = ['confirmations', 'login_locks', 'login_windows'];

/** Rows in the version-1 tables, as a tracker in use has them. */
async function seedV1(db: MigrationTarget): Promise<void> {
  await db.all(
    `insert into accounts (id, user_name, shop_name, password_hash, balance, created_at) values ('acc-1', 'bakkerij@example.nl', 'Bakkerij', 'scrypt$x', 120, 1765000000000)`,
  );
  await db.all(
    'insert into signing_keys (account_id, kid, secret, position, created_at) values (?, ?, ?, 0, 1765000000000)',
    ['acc-1', 'k1', Buffer.alloc(32, 7)],
  );
  await db.all(
    "insert into ledger (account_id, at, kind, delta, amount) values ('acc-1', 1765000000000, 'grant', 120, 120)",
  );
  await db.all('insert into links (account_id, mailing, link_id, url) values (?, ?, 1, ?)', [
    'acc-1',
    'm-1',
    'https://bakkerij.nl/?utm_source=winkelpost',
  ]);
  await db.all(
    "insert into events (id, account_id, kind, mailing, recipient, link_id, at) values ('e-1', 'acc-1', 'click', 'm-1', 'r-1', 1, 1765000000001)",
  );
  await db.all(
    "insert into suppressions (account_id, recipient, mailing, at) values ('acc-1', 'r-2', 'm-1', 1765000000002)",
  );
}

async function expectV1Rows(db: MigrationTarget): Promise<void> {
  expect(await db.all('select id, balance, created_at from accounts')).toEqual([
    { id: 'acc-1', balance: 120, created_at: 1765000000000 },
  ]);
  const [key] = await db.all<{ secret: Buffer }>('select secret from signing_keys');
  expect(Buffer.from(key!.secret).equals(Buffer.alloc(32, 7))).toBe(true);
  expect(await db.all('select url from links')).toEqual([
    { url: 'https://bakkerij.nl/?utm_source=winkelpost' },
  ]);
  expect(await db.all('select seq, id, link_id from events')).toEqual([
    { seq: 1, id: 'e-1', link_id: 1 },
  ]);
  expect(await db.all('select count(*) as n from ledger')).toEqual([{ n: 1 }]);
  expect(await db.all('select recipient from suppressions')).toEqual([{ recipient: 'r-2' }]);
}

const appliedIds = async (db: MigrationTarget) =>
  (await db.all<{ id: number }>('select id from tracker_migrations order by id')).map((r) => r.id);

/** Signal's style: the database at N−1 with rows, migrate to N, assert; plus the adoption of old databases. */
export function defineMigrationSuite(name: string, open: () => Promise<MigrationTarget>): void {
  describe(`tracker migrations on ${name}`, () => {
    let db: MigrationTarget;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => db.close());

    it('are numbered 1, 2, … without gaps', () => {
      expect(TRACKER_MIGRATIONS.map((m) => m.id)).toEqual(
        TRACKER_MIGRATIONS.map((_m, index) => index + 1),
      );
    });

    it('0001 initial: an empty database gets the first tables and the record', async () => {
      await db.migrate(through(1));
      const tables = await db.tables();
      expect(tables).toEqual(expect.arrayContaining([...V1_TABLES, 'tracker_migrations']));
      for (const table of V2_TABLES) expect(tables).not.toContain(table);
      expect(await appliedIds(db)).toEqual([1]);
      expect(await db.legacyVersion()).toBe(1);
    });

    it('0002 confirmations and login limits: added beside the rows already there', async () => {
      await db.migrate(through(1));
      await seedV1(db);
      await db.migrate(through(2));
      await expectV1Rows(db);
      expect(await db.tables()).toEqual(expect.arrayContaining(V2_TABLES));
      await db.all(
        "insert into login_locks (account_id, network, failures, locked_until) values ('acc-1', '192.0.2.0/24', 3, 0)",
      );
      await db.all(
        "insert into confirmations (account_id, recipient, at) values ('acc-1', 'r-2', 1)",
      );
      expect(await appliedIds(db)).toEqual([1, 2]);
      expect(await db.legacyVersion()).toBe(2);
    });

    it('adopt a database made before the numbered list (schema version 2) without loss', async () => {
      // Exactly what the tracker ran until now: the whole schema, then its version marker.
      await db.exec(TRACKER_MIGRATIONS.map((m) => migrationSql(m, db.dialect)).join(''));
      await db.setLegacyVersion(2);
      await seedV1(db);
      await db.migrate(TRACKER_MIGRATIONS);
      await expectV1Rows(db);
      expect(await appliedIds(db)).toEqual([1, 2]);
      // Started again: nothing left to do.
      await db.migrate(TRACKER_MIGRATIONS);
      expect(await appliedIds(db)).toEqual([1, 2]);
    });

    it('adopt a version-1 database and run what it lacks', async () => {
      await db.exec(migrationSql(TRACKER_MIGRATIONS[0]!, db.dialect));
      await db.setLegacyVersion(1);
      await seedV1(db);
      await db.migrate(TRACKER_MIGRATIONS);
      await expectV1Rows(db);
      expect(await db.tables()).toEqual(expect.arrayContaining(V2_TABLES));
      expect(await appliedIds(db)).toEqual([1, 2]);
    });

    it('refuse a database from a newer tracker, changing nothing', async () => {
      const newer: TrackerMigration = {
        id: 3,
        name: 'newer',
        up: () => 'create table newer (x integer);',
      };
      await db.migrate([...TRACKER_MIGRATIONS, newer]);
      await expect(db.migrate(TRACKER_MIGRATIONS)).rejects.toThrow(
        /newer \(v3\) than this tracker \(v2\)/,
      );
      expect(await appliedIds(db)).toEqual([1, 2, 3]);
    });

    it('roll back every step of a run when one fails', async () => {
      await db.migrate(through(1));
      const broken: TrackerMigration = {
        id: 3,
        name: 'broken',
        up: () => 'create table half_done (x integer); insert into no_such_table values (1);',
      };
      await expect(db.migrate([...TRACKER_MIGRATIONS, broken])).rejects.toThrow();
      expect(await appliedIds(db)).toEqual([1]);
      const tables = await db.tables();
      expect(tables).not.toContain('half_done');
      expect(tables).not.toContain('login_locks');
      expect(await db.legacyVersion()).toBe(1);
    });
  });
}
