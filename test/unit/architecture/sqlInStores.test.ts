import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSql } from './sqlScan';

const ROOT = join(__dirname, '../../..');
const SCANNED = ['electron/services', 'electron/main'];

/**
 * Store modules (docs/DEVELOPING.md, Database): a `*Store.ts` file or a `store/` folder, and the
 * statistics' read store. db/ and its migrations are outside the scanned folders.
 *
 * "SQL" is raw SQL (prepared, executed, pragmas, statements in literals) and drizzle's query
 * builder alike: `.select(`/`.insert(`/`.update(`/`.delete(` (and `.query.x.findFirst(`) on a
 * receiver named as a connection (`db`, `deps.db`, `context.db`, `tx`, `sqlite`…), and any value
 * import from drizzle-orm (its operators `eq`, `and`, `sql` only build queries). A service may
 * still open `db.transaction(…)` around several store calls; that is not a query.
 */
const STORE_MODULE = /(Store\.ts$|\/store\/)/;
const READ_STORES = new Set([
  'electron/services/stats/statsQueries.ts',
  'electron/services/stats/statsDetails.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isStore = (path: string) => STORE_MODULE.test(path) || READ_STORES.has(path);
const sqlOf = (path: string) => findSql(path, readFileSync(join(ROOT, path), 'utf8'));

describe('SQL lives in store modules only', () => {
  const files = SCANNED.flatMap(sourceFiles).filter((path) => !isStore(path));

  it('no service or main-process file outside a store prepares, executes, writes or builds SQL', () => {
    const found = files.flatMap((path) => sqlOf(path).map((f) => `${path}:${f.line} ${f.what}`));
    expect(found, 'move these into a store module of their area (DEVELOPING.md)').toEqual([]);
  });
});

describe('the SQL scan', () => {
  const scan = (source: string) => findSql('sample.ts', source).map((f) => f.what);

  it('finds statements, pragmas and SQL in literals', () => {
    expect(scan(`const row = context.database.sqlite.prepare(q).get(id);`)).toEqual(['.prepare(']);
    expect(scan(`db.pragma('secure_delete = ON');`)).toEqual(['.pragma(']);
    expect(scan(`this.sqlite.exec(script);`)).toEqual(['.exec(']);
    expect(scan('const q = `select id from ${table} where a = ?`;')).toHaveLength(1);
    expect(scan(`const q = 'DELETE FROM events WHERE id = ?';`)).toHaveLength(1);
    expect(scan(`const q = "update sends set state = 'paused'";`)).toHaveLength(1);
    expect(scan('const q = `PRAGMA ${schema}.table_info(sends)`;')).toHaveLength(1);
  });

  it("finds drizzle's query builder on a connection or transaction, and drizzle-orm imports", () => {
    expect(scan(`const row = this.deps.db.select().from(mailings).get();`)).toEqual(['.select(']);
    expect(scan(`context.db.insert(mailings).values(row).run();`)).toEqual(['.insert(']);
    expect(scan(`deps.db.update(mailings).set({ a: 1 }).run();`)).toEqual(['.update(']);
    expect(scan(`tx.delete(mailings).where(x).run();`)).toEqual(['.delete(']);
    expect(scan(`db.query.mailings.findFirst({ where: x });`)).toEqual(['.query.….findFirst(']);
    expect(scan(`import { eq } from 'drizzle-orm';`)).toEqual(["import from 'drizzle-orm'"]);
    expect(scan(`import { sqliteTable } from 'drizzle-orm/sqlite-core';`)).toHaveLength(1);
  });

  it("leaves stores' own methods, collections, transactions and type imports alone", () => {
    expect(scan(`this.deps.images.insert(id, fileName, image);`)).toEqual([]);
    expect(
      scan(`const all = this.store.select(filter); seen.delete(id); map.update?.(x);`),
    ).toEqual([]);
    expect(scan(`return this.deps.db.transaction(() => this.store.insert(row));`)).toEqual([]);
    expect(scan(`import type { SQL } from 'drizzle-orm';`)).toEqual([]);
  });

  it('leaves regular expressions, own methods and English alone', () => {
    expect(scan(`const m = /a(b)/.exec(text) ?? PATTERN.exec(text);`)).toEqual([]);
    expect(scan(`const id = this.prepare(original);`)).toEqual([]);
    expect(scan(`throw new Error('Select a file from your disk');`)).toEqual([]);
    expect(scan(`logger.warn('the copy by VACUUM INTO failed');`)).toEqual([]);
  });
});
