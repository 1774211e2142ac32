import { join } from 'node:path';
import { openDatabase } from '../../db/openDatabase';
import type { SegmentT } from '../../electron/contract/segments';
import { countSegment } from '../../electron/services/segments/store/segmentQueries';
import { TypedCells } from '../../electron/services/segments/store/typedCells';
import { tempDir } from '../helpers/tempDir';
import { GOALS, judge } from './report';
import { median } from './median';

const CONTACTS = 100_000;
const ROUNDS = 15;
const PLACES = ['Utrecht', 'Amersfoort', 'Zeist', 'Nieuwegein', 'Houten'];

/** Three conditions of each kind a shop uses, all and any. */
const SEGMENTS: Record<string, SegmentT> = {
  all: {
    match: 'all',
    conditions: [
      { kind: 'number', column: 'waardebon_spaarpunten', op: 'gte', value: 500 },
      { kind: 'text', column: 'woonplaats', op: 'is', value: 'utrecht' },
      { kind: 'date', column: 'geboortedatum', op: 'inMonth', month: 5 },
    ],
  },
  any: {
    match: 'any',
    conditions: [
      { kind: 'number', column: 'waardebon_bedrag', op: 'between', value: 10, to: 20 },
      { kind: 'text', column: 'woonplaats', op: 'contains', value: 'ee' },
      { kind: 'date', column: 'laatste_aankoop', op: 'after', day: '2026-06-01' },
    ],
  },
};

const medianOf = (values: number[]) => Number(median(values).toFixed(2));

/**
 * Counting a 100,000-contact selection's segment (typed values, indexed) against a bare count of
 * the same contacts, interleaved round by round so both see the same machine.
 */
export default async function segmentsBench(): Promise<Record<string, unknown>> {
  const dir = tempDir();
  const { sqlite, close } = openDatabase(join(dir.path, 'bench.sqlite'));
  sqlite
    .prepare(
      `insert into selections (id, description, file_name, created_at, consent_confirmed_at)
       values ('s', 'Bench', 'bench.csv', 0, 0)`,
    )
    .run();
  const insert = sqlite.prepare(
    `insert into contacts (selection_id, email, normalized_email, data, row_number)
     values ('s', ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < CONTACTS; i += 1) {
      const email = `klant${i}@example.nl`;
      const data = {
        naam: `Klant ${i}`,
        waardebon_spaarpunten:
          i % 7 === 0 ? '' : String((i * 37) % 2000).replace(/(\d)(\d{3})$/, '$1.$2'),
        waardebon_bedrag: `€ ${(i % 40) + 1},${String(i % 100).padStart(2, '0')}`,
        woonplaats: PLACES[i % PLACES.length],
        geboortedatum: `${String((i % 28) + 1).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${1950 + (i % 50)}`,
        laatste_aankoop: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
      };
      insert.run(email, email, JSON.stringify(data), i + 2);
    }
  })();

  // As the import does it: typed outside the write, then one copy inside it.
  let start = performance.now();
  const typed = new TypedCells(sqlite, { table: 'contacts', key: 'id', selectionId: 's' });
  const typingMs = performance.now() - start;
  start = performance.now();
  sqlite.transaction(() => typed.copyInto('s', 'id'))();
  const copyInWriteMs = Number((performance.now() - start).toFixed(0));
  typed.drop();

  const bare = sqlite.prepare("select count(*) from contacts where selection_id = 's'").pluck();
  const times: Record<string, number[]> = { bare: [], all: [], any: [] };
  const counts: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    start = performance.now();
    counts.bare = bare.get() as number;
    times.bare!.push(performance.now() - start);
    for (const [name, segment] of Object.entries(SEGMENTS)) {
      start = performance.now();
      counts[name] = countSegment(sqlite, ['s'], segment);
      times[name]!.push(performance.now() - start);
    }
  }
  close();
  dir.remove();
  const bareMs = medianOf(times.bare!);
  for (const [name, label] of [
    ['all', 'segment count, all conditions'],
    ['any', 'segment count, any condition'],
  ] as const)
    judge(
      `${label}, ${CONTACTS} contacts`,
      medianOf(times[name]!),
      GOALS.segmentFilterMs,
      `plain count ${bareMs.toFixed(1)} ms`,
    );
  return {
    contacts: CONTACTS,
    goalMs: `< ${GOALS.segmentFilterMs.below}`,
    segmentAllMs: medianOf(times.all!),
    segmentAnyMs: medianOf(times.any!),
    baselineBareCountMs: bareMs,
    allVersusBare: Number((medianOf(times.all!) / Math.max(bareMs, 0.01)).toFixed(1)),
    anyVersusBare: Number((medianOf(times.any!) / Math.max(bareMs, 0.01)).toFixed(1)),
    counts,
    typingAtImportMs: Number(typingMs.toFixed(0)),
    copyInWriteTransactionMs: copyInWriteMs,
  };
}
