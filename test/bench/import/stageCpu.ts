/**
 * Where an import's CPU goes, for profiling (not a bench with goals): the import worker's stages
 * run on this one thread against a real SQLite file, each timed by process CPU, and a bare insert
 * of the same rows after each import, interleaved, so a change can be judged on a loaded machine
 * by its ratio. Stages: reading and parsing the file, reading and checking every row (no sink),
 * the same with the cells typed (all but SQLite), the whole read with typing and staging, the
 * final copy (contacts, typed cells, commit) and the WAL checkpoint the worker runs after its
 * answer (not in `total`).
 *
 * `npx tsx test/bench/import/stageCpu.ts [rounds]`; add `--cpu-prof` to node for a profile.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../db/openDatabase';
import { variableNames } from '../../../electron/services/selections/headers';
import {
  contactFields,
  emptyCounts,
  NOWHERE,
  planRows,
  type ContactSink,
} from '../../../electron/services/selections/importPlan';
import type { ColumnPlan } from '../../../electron/services/selections/mapping';
import { openImportSource } from '../../../electron/services/selections/parse/importSource';
import { StagedTypes } from '../../../electron/services/selections/stagedTypes';
import { ImportWorkerStore } from '../../../electron/services/selections/worker/importWorkerStore';
import { tempDir } from '../../helpers/tempDir';
import { writeTillExport } from './csvFixture';

const ROWS = 100_000;
const rounds = Number(process.argv[2] ?? 5);
const dir = tempDir('winkelpost-stages-');
const csvPath = join(dir.path, 'kassa-export.csv');
writeTillExport(csvPath, ROWS);
const csv = readFileSync(csvPath);
const databaseFile = join(dir.path, 'winkelpost.sqlite');
const { sqlite } = openDatabase(databaseFile);

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** CPU per stage of one import, in ms. */
async function importStages(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  let since = cpuMs();
  const stage = (name: string) => {
    const now = cpuMs();
    figures[name] = Math.round(now - since);
    since = now;
  };
  const source = await openImportSource('kassa-export.csv', csv);
  const variables = variableNames(source.header);
  const columns: ColumnPlan[] = source.header.map((header, index) => ({
    index,
    header,
    variable: variables[index]!,
    target: index === 0 ? 'email' : 'extra',
    specialCategory: false,
  }));
  const noSuppression = { isSuppressed: () => undefined };
  stage('open');
  let cells = 0;
  for (const { cells: row } of source.rows) cells += row.length;
  stage('parse');
  for (const _ of planRows(source.rows, columns, noSuppression, NOWHERE, emptyCounts(), []));
  stage('parseAndCheck');
  // What a reading thread of a two-thread pipeline would do: everything but SQLite.
  const types = new StagedTypes(contactFields(columns).map((f) => f.name));
  const typeOnly: ContactSink = {
    ...NOWHERE,
    add: (_row, _email, _normalized, _data, values) => {
      for (let i = 0; i < values.length; i += 1) types.type(i, values[i]!);
    },
  };
  for (const _ of planRows(source.rows, columns, noSuppression, typeOnly, emptyCounts(), []));
  stage('parseCheckType');
  const store = new ImportWorkerStore(
    {
      databaseFile,
      id: randomUUID(),
      description: 'Stages',
      fileName: 'kassa-export.csv',
      createdAt: 0,
      mapping: '[]',
      extraColumns: '[]',
    },
    contactFields(columns).map((f) => f.name),
  );
  const counts = emptyCounts();
  for (const _ of planRows(source.rows, columns, noSuppression, store.sink, counts, []))
    store.checkpoint();
  stage('parseCheckTypeStage');
  store.commit(counts);
  stage('copy');
  store.checkpointWal();
  stage('checkpointAfterAnswer');
  store.close();
  if (cells === 0) throw new Error('nothing parsed');
  return figures;
}

/** The bench's baseline: the stored rows again, one prepared insert per row, one transaction. */
function bareInsert(): number {
  const rows = sqlite
    .prepare(`select email, normalized_email, data, row_number from contacts order by id`)
    .raw()
    .all();
  sqlite.exec(`insert into selections (id, description, file_name, created_at,
    consent_confirmed_at) values ('bare', 'Bare', 'bare', 0, 0)`);
  const insert = sqlite.prepare(`insert into contacts (selection_id, email, normalized_email,
    data, row_number) values ('bare', ?, ?, ?, ?)`);
  const since = cpuMs();
  sqlite.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  const spent = Math.round(cpuMs() - since);
  // Every round starts from an empty database, so no round imports into a bigger one.
  sqlite.exec('delete from selections');
  return spent;
}

try {
  for (let round = 0; round < rounds; round += 1) {
    const stages = await importStages();
    const bare = bareInsert();
    const total = stages.open! + stages.parseCheckTypeStage! + stages.copy!;
    console.log(
      JSON.stringify({ ...stages, total, bare, totalVsBare: +(total / bare).toFixed(2) }),
    );
  }
} finally {
  sqlite.close();
  dir.remove();
}
