import { createApp } from '../../electron/app';
import { ManualClock } from '../../electron/services/core/clock';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { importSelection } from '../../electron/services/selections/importFile';
import { resolveRecipients } from '../../electron/services/selections/recipients';
import { tempDir } from '../helpers/tempDir';

const ROWS = 100_000;

/** A till export as Dutch shops write it: semicolons, quotes here and there, some bad rows. */
function generateCsv(rows: number): Buffer {
  const chunks = [
    Buffer.from('E-mailadres;Naam;Voornaam;Klantnummer;Waardebon bedrag;Plaats;Opmerking\r\n'),
  ];
  let block = '';
  for (let i = 0; i < rows; i += 1) {
    const email = i % 500 === 0 ? 'geen-adres' : `klant.${i}@voorbeeld${i % 37}.nl`;
    block += `${email};"Jansen, Klant ${i}";Klant;${100000 + i};${(i % 50) + 0.5};Utrecht;"Vaste klant sinds ${2000 + (i % 25)}"\r\n`;
    if (i % 5000 === 4999) {
      chunks.push(Buffer.from(block, 'utf8'));
      block = '';
    }
  }
  chunks.push(Buffer.from(block, 'utf8'));
  return Buffer.concat(chunks);
}

/**
 * Imports a 100,000-row CSV through the real importer into a real SQLite file: rows per second and
 * peak RSS (targets: ≥ 50,000 rows/s, < 300 MB). Baseline in the same run: inserting the same number
 * of rows with a bare prepared statement in one transaction (the floor the importer can reach).
 */
export default async function importBench(): Promise<Record<string, number>> {
  const dir = tempDir('winkelpost-bench-');
  const app = await createApp({
    dataDir: dir.path,
    clock: new ManualClock(),
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 2)),
  });
  // The app makes its daily backup at start; let it finish so it is not measured with the import.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssAppStarted = process.memoryUsage().rss;
  let peakRss = rssAppStarted;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  try {
    const bytes = generateCsv(ROWS);
    const rssBefore = process.memoryUsage().rss;

    let start = performance.now();
    const result = await importSelection(app.context, {
      fileName: 'bench.csv',
      bytes,
      description: 'Bench',
    });
    const importMs = performance.now() - start;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    const sqlite = app.context.database.sqlite;
    sqlite.exec(`insert into selections (id, description, file_name, created_at, consent_confirmed_at)
                 values ('baseline', 'b', 'b', 0, 0)`);
    const insert = sqlite.prepare(
      `insert into contacts (selection_id, email, normalized_email, data, row_number)
       values ('baseline', ?, ?, '{}', ?)`,
    );
    start = performance.now();
    sqlite.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) insert.run(`b${i}@x.nl`, `b${i}@x.nl`, i);
    })();
    const baselineMs = performance.now() - start;

    sqlite.exec(`insert into mailings (id, type, document, created_at, updated_at, content_changed_at)
                 values ('bench', 'newsletter', '{}', 0, 0, 0)`);
    sqlite.prepare(`insert into mailing_selections values ('bench', ?)`).run(result.selectionId);
    start = performance.now();
    const resolved = resolveRecipients(app.context, 'bench');
    const resolveMs = performance.now() - start;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    return {
      rows: ROWS,
      fileMb: Number((bytes.length / 1024 / 1024).toFixed(1)),
      imported: result.imported,
      rejected: result.rejectedCount,
      importMs: Math.round(importMs),
      rowsPerSecond: Math.round((ROWS / importMs) * 1000),
      targetRowsPerSecond: 50_000,
      baselineInsertRowsPerSecond: Math.round((ROWS / baselineMs) * 1000),
      importVsBareInsertRatio: Number((importMs / baselineMs).toFixed(2)),
      rssAppStartedMb: Math.round(rssAppStarted / 1024 / 1024),
      rssBeforeImportMb: Math.round(rssBefore / 1024 / 1024),
      importRssGrowthMb: Math.round((peakRss - rssBefore) / 1024 / 1024),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      targetPeakRssMb: 300,
      resolveRecipientsMs: Math.round(resolveMs),
      recipients: resolved.recipients.length,
    };
  } finally {
    clearInterval(sampler);
    await app.close();
    dir.remove();
  }
}
