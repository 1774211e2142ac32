import type Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '../../db/openDatabase';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './tempDir';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export interface Journal {
  entries: JournalEntry[];
}

export function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * A real database file one migration before `tag`, opened by the app's own openDatabase (pragmas,
 * drizzle's migrator). migrate() reopens the file with the journal cut after `tag`, as an app
 * upgrade would, so exactly that one migration runs and later ones cannot hide what it did.
 */
export class MigrationStep {
  private readonly dir = tempDir('winkelpost-migration-');
  private readonly file = join(this.dir.path, 'winkelpost.sqlite');
  private readonly journal = readJournal();
  private readonly index: number;
  private current: { sqlite: Database.Database; close(): void };

  constructor(readonly tag: string) {
    this.index = this.journal.entries.findIndex((entry) => entry.tag === tag);
    if (this.index < 1) throw new Error(`No migration before ${tag} in the journal`);
    this.current = openDatabase(this.file, this.folderThrough(this.index - 1));
  }

  /** The open connection: at N−1 before migrate(), at N after. */
  get sqlite(): Database.Database {
    return this.current.sqlite;
  }

  migrate(): void {
    this.current.close();
    this.current = openDatabase(this.file, this.folderThrough(this.index));
  }

  /** Tags drizzle recorded as applied, oldest first. */
  appliedTags(): string[] {
    const applied = this.sqlite
      .prepare('select created_at from __drizzle_migrations order by created_at')
      .pluck()
      .all() as number[];
    return applied.map((when) => this.journal.entries.find((e) => e.when === when)?.tag ?? '?');
  }

  close(): void {
    this.current.close();
    this.dir.remove();
  }

  private folderThrough(last: number): string {
    const folder = join(this.dir.path, `migrations-${last}`);
    mkdirSync(join(folder, 'meta'), { recursive: true });
    const entries = this.journal.entries.slice(0, last + 1);
    for (const { tag } of entries) {
      copyFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`));
    }
    writeFileSync(
      join(folder, 'meta', '_journal.json'),
      JSON.stringify({ ...this.journal, entries }),
    );
    return folder;
  }
}

/** Names of the schema objects of one type (table, index, trigger), sorted. */
export function schemaNames(
  sqlite: Database.Database,
  type: 'table' | 'index' | 'trigger',
): string[] {
  return sqlite
    .prepare(
      "select name from sqlite_master where type = ? and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all(type) as string[];
}

/** The detail lines of EXPLAIN QUERY PLAN, to see which index a query really uses. */
export function queryPlan(
  sqlite: Database.Database,
  query: string,
  ...params: unknown[]
): string[] {
  return (sqlite.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

/** A fresh MigrationStep for each test of the enclosing describe, removed after it. */
export function useMigrationStep(tag: string): () => MigrationStep {
  let step: MigrationStep | undefined;
  beforeEach(() => {
    step = new MigrationStep(tag);
  });
  afterEach(() => step?.close());
  return () => {
    if (!step) throw new Error('useMigrationStep is read inside a test only');
    return step;
  };
}
