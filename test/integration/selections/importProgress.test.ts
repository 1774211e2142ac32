import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../electron/contract/envelope';
import { importSelection } from '../../../electron/services/selections/importFile';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

interface Progress {
  rows: number;
  total?: number;
  done: boolean;
}

function csv(rows: number, brokenAt?: number): Buffer {
  const lines = ['email;naam'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      i === brokenAt ? `k${i}@example.nl${';x'.repeat(300)}` : `k${i}@example.nl;Klant ${i}`,
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const count = (sql: string) => t.app.context.database.sqlite.prepare(sql).pluck().get() as number;

describe('import progress while importing', () => {
  it('sends growing progress events and gives the app turns before the result, storing nothing until the end', async () => {
    t = await startTestApp();
    const progress: Progress[] = [];
    // What another part of the app sees when it gets a turn in the middle of the import.
    const seenInTurns: { selections: number; contacts: number }[] = [];
    t.app.events.subscribe((name, payload) => {
      if (name !== 'import.progress') return;
      progress.push(payload as Progress);
      if (!(payload as Progress).done)
        setImmediate(() =>
          seenInTurns.push({
            selections: count('select count(*) from selections'),
            contacts: count('select count(*) from contacts'),
          }),
        );
    });
    let resultArrived = false;
    const result = importSelection(t.app.context, {
      fileName: 'groot.csv',
      file: { bytes: csv(30_000) },
      description: 'Groot',
    }).then((r) => {
      resultArrived = true;
      return r;
    });
    const turnsBeforeResult = await new Promise<number>((resolve) => {
      const check = () => (resultArrived ? resolve(seenInTurns.length) : setImmediate(check));
      check();
    });
    expect((await result).imported).toBe(30_000);

    const running = progress.filter((p) => !p.done);
    expect(running.length).toBeGreaterThanOrEqual(6);
    expect(running.every((p) => p.total === 30_000)).toBe(true);
    const counts = running.map((p) => p.rows);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
    expect(progress.at(-1)).toEqual({
      fileName: 'groot.csv',
      rows: 30_000,
      total: 30_000,
      done: true,
    });
    // The app had its turns during the import, and saw no half selection in any of them.
    expect(turnsBeforeResult).toBeGreaterThanOrEqual(running.length - 1);
    expect(seenInTurns.slice(0, running.length - 1)).toEqual(
      Array.from({ length: running.length - 1 }, () => ({ selections: 0, contacts: 0 })),
    );
    expect(count('select count(*) from contacts')).toBe(30_000);
  });

  it('a refusal late in the file leaves nothing, and keeps what others wrote meanwhile', async () => {
    t = await startTestApp();
    const sqlite = t.app.context.database.sqlite;
    sqlite.exec(`create table other_work (note text)`);
    let writes = 0;
    t.app.events.subscribe((name) => {
      if (name !== 'import.progress') return;
      // Another part of the app writes between chunks (as the send queue may).
      setImmediate(() => {
        sqlite.prepare('insert into other_work values (?)').run(`turn ${(writes += 1)}`);
      });
    });
    const failure = await importSelection(t.app.context, {
      fileName: 'kapot.csv',
      file: { bytes: csv(20_000, 17_000) },
      description: 'Kapot',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).key).toBe('selections:errors.tooManyColumns');
    expect((failure as DomainError).params).toMatchObject({ row: 17_001 });

    expect(count('select count(*) from selections')).toBe(0);
    expect(count('select count(*) from contacts')).toBe(0);
    expect(writes).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count('select count(*) from other_work')).toBe(writes);
  });
});
