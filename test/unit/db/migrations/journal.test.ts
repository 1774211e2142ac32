import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../../../db/openDatabase';
import { readJournal } from '../../../helpers/migrationStep';

describe('the migration journal', () => {
  const { entries } = readJournal();

  it('lists every SQL file in the folder, and no other', () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(entries.map((entry) => `${entry.tag}.sql`).sort()).toEqual(files);
  });

  it('numbers the migrations 0000, 0001, … without gaps, in journal order', () => {
    entries.forEach((entry, position) => {
      expect(entry.idx).toBe(position);
      expect(entry.tag.slice(0, 5)).toBe(`${String(position).padStart(4, '0')}_`);
    });
  });

  // drizzle's migrator runs a migration only when its `when` is later than the last applied one:
  // an entry out of order would be skipped on every database that is already further along.
  it('gives each migration a later time than the one before it', () => {
    entries.slice(1).forEach((entry, position) => {
      expect(entry.when, entry.tag).toBeGreaterThan(entries[position]!.when);
    });
  });

  it('has a drizzle-kit snapshot for every migration, so the next one is generated from the right schema', () => {
    for (const entry of entries) {
      const snapshot = join(MIGRATIONS_FOLDER, 'meta', `${entry.tag.slice(0, 4)}_snapshot.json`);
      expect(existsSync(snapshot), snapshot).toBe(true);
    }
  });
});
