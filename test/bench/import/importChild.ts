/**
 * One import in a process of its own that holds only the app: started by import.bench.ts (under
 * tsx or as an esbuild bundle), it prints one JSON line with its RSS after app start, its peak RSS
 * during the import (sampled, and the kernel's peak, peakRss.ts), rows per second and CPU time, then a bare
 * insert of the same number of rows as the baseline.
 *
 * argv: <csv file> <data dir> [path|upload|start-only]: the file as Electron names it (its path,
 * the default), or as browser mode does (streamed into an upload first, then named by its id).
 */
import { createReadStream, statSync } from 'node:fs';
import { createApp } from '../../../electron/app';
import { ManualClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { importsSettled } from '../../../electron/services/selections/importFile';
import { receiveUpload } from '../../../electron/services/selections/uploads';
import { peakRssMb } from '../peakRss';

const MB = 1024 * 1024;
const [csvPath, dataDir, mode] = process.argv.slice(2);
if (!csvPath || !dataDir) throw new Error('usage: importChild <csv> <dataDir> [start-only]');

const rssMb = () => Math.round(process.memoryUsage().rss / MB);
/** The highest RSS the kernel saw for this process, sampled or not (peakRss.ts). */
const maxRssMb = peakRssMb;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const rssProcessStarted = rssMb();
const app = await createApp({
  dataDir,
  clock: new ManualClock(),
  logger: silentLogger,
  cipher: aesSecretCipher(Buffer.alloc(32, 2)),
});
// The app makes its daily backup at start; let it finish so it is not measured with the import.
await new Promise((resolve) => setTimeout(resolve, 1000));
const figures: Record<string, number> = {
  rssProcessStartedMb: rssProcessStarted,
  rssAppStartedMb: rssMb(),
  maxRssAppStartedMb: maxRssMb(),
};

if (mode !== 'start-only') {
  const fileBytes = statSync(csvPath).size;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  // How long the event loop went without a turn: what the window would feel during the import.
  let lastTick = performance.now();
  let longestStallMs = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - lastTick);
    lastTick = now;
  }, 5);
  let progressEventsBeforeResult = 0;
  const offProgress = app.events.subscribe((name, payload) => {
    if (name === 'import.progress' && !(payload as { done: boolean }).done)
      progressEventsBeforeResult += 1;
  });

  // The window asks app.info every 10 ms on a fixed timeline; each answer's wait counts from the
  // moment it was due, so a blocked event loop shows as a long wait.
  let importing = true;
  let longestAppInfoWaitMs = 0;
  let appInfoAnswers = 0;
  const askAppInfo = async () => {
    let due = performance.now();
    while (importing) {
      const envelope = await app.handlers['app.info']({});
      if (!envelope.ok) throw new Error('app.info failed');
      appInfoAnswers += 1;
      longestAppInfoWaitMs = Math.max(longestAppInfoWaitMs, performance.now() - due);
      due += 10;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      // Requests that fell due while the loop was blocked are answered now: the oldest counts.
    }
  };
  const asking = askAppInfo();

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  // Through the channel, the file named as the window names it (upload once).
  const named =
    mode === 'upload'
      ? { uploadId: await receiveUpload(dataDir, createReadStream(csvPath), fileBytes) }
      : { filePath: csvPath };
  const envelope = await app.handlers['selections.import']({
    fileName: 'bench.csv',
    ...named,
    description: 'Bench',
    consent: true,
  });
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  const result = envelope.value as { rows: number; imported: number; rejectedCount: number };
  const importMs = performance.now() - start;
  importing = false;
  await asking;
  // The gap up to now counts too: a synchronous import never lets the sampler run.
  longestStallMs = Math.max(longestStallMs, performance.now() - lastTick);
  const importCpuMs = cpuMs(cpuStart);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  clearInterval(sampler);
  offProgress();
  const rows = result.rows;
  Object.assign(figures, {
    fileMb: Number((fileBytes / MB).toFixed(1)),
    rows,
    imported: result.imported,
    rejected: result.rejectedCount,
    importMs: Math.round(importMs),
    importCpuMs: Math.round(importCpuMs),
    rowsPerSecond: Math.round((rows / importMs) * 1000),
    rowsPerCpuSecond: Math.round((rows / importCpuMs) * 1000),
    rssBeforeImportMb: Math.round(rssBefore / MB),
    peakRssSampledMb: Math.round(peakRss / MB),
    peakRssKernelMb: maxRssMb(),
    importRssGrowthMb: Math.round((Math.max(peakRss, peakRssMb() * MB) - rssBefore) / MB),
    longestEventLoopStallMs: Math.round(longestStallMs),
    longestAppInfoWaitMs: Math.round(longestAppInfoWaitMs),
    appInfoAnswers,
    progressEventsBeforeResult,
  });

  // Baseline: the same rows (as the import stored them) with a bare prepared statement, one row
  // per call, in one transaction; read back before the clock starts.
  // The import's worker checkpoints the WAL after its answer: the baseline starts after that, so
  // neither shares the CPU with the other.
  await importsSettled();
  const sqlite = app.context.database.sqlite;
  const sameRows = sqlite
    .prepare(
      `select email, normalized_email, data, row_number from contacts where selection_id = ?
       order by row_number`,
    )
    .raw()
    .all((envelope.value as { selectionId: string }).selectionId) as [
    string,
    string,
    string,
    number,
  ][];
  sqlite.exec(`insert into selections (id, description, file_name, created_at, consent_confirmed_at)
               values ('baseline', 'b', 'b', 0, 0)`);
  const insert = sqlite.prepare(
    `insert into contacts (selection_id, email, normalized_email, data, row_number)
     values ('baseline', ?, ?, ?, ?)`,
  );
  const baseCpu = process.cpuUsage();
  const baseStart = performance.now();
  sqlite.transaction(() => {
    for (const row of sameRows) insert.run(row);
  })();
  const baselineMs = performance.now() - baseStart;
  const baselineCpuMs = cpuMs(baseCpu);
  Object.assign(figures, {
    baselineInsertRowsPerSecond: Math.round((sameRows.length / baselineMs) * 1000),
    importVsBareInsertWallRatio: Number((importMs / baselineMs).toFixed(2)),
    importVsBareInsertCpuRatio: Number((importCpuMs / baselineCpuMs).toFixed(2)),
  });
}

await app.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
