import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GOALS, judge } from './report';
import { tempDir } from '../helpers/tempDir';
import { bundleForNode } from './bundleForNode';
import { writeTillExport } from './import/csvFixture';

const ROWS = 100_000;
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

type Figures = Record<string, number>;

/** Runs one child process and returns the JSON line it prints. */
async function child(command: string, args: string[]): Promise<Figures> {
  const { stdout } = await run(command, args, { cwd: root, maxBuffer: 1024 * 1024 });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Figures;
}

/** RSS of a process that loads nothing: what node (or node with tsx) costs before any app code. */
async function emptyProcessRssMb(args: string[]): Promise<number> {
  const script =
    'console.log(JSON.stringify({rss: Math.round(process.memoryUsage().rss / 1048576)}))';
  const { rss } = (await child(process.execPath, [
    ...args,
    '--input-type=module',
    '-e',
    script,
  ])) as {
    rss: number;
  };
  return rss;
}

/**
 * Imports a 100,000-row CSV through the real importer into a real SQLite file, in a process of its
 * own that holds only the app: RSS after app start, peak RSS during the import (sampled and the
 * kernel's peak, peakRss.ts), rows per second (wall and CPU), the longest wait for an app.info answer.
 * Goals (issue 18): ≥ 100,000 rows/s and ≤ 1.5× bare inserts, ≤ 200 MB shipped (250 MB browser
 * mode), app.info answered within 100 ms.
 * Run twice: as the app ships (esbuild bundle, plain node) and under tsx, to show what tsx adds.
 * Baselines in the same run: a bare prepared insert of the same rows as the import stored them (in
 * the child, one row per call in one transaction), and the RSS of an empty node process. The file
 * is named by its path (as Electron does) for the shipped runs, and uploaded first (as browser
 * mode does) for the tsx run.
 */
export default async function importBench(): Promise<Record<string, unknown>> {
  const dir = tempDir('winkelpost-bench-');
  const bundleDir = join(root, '.tmp', `bench-import-${process.pid}`);
  mkdirSync(bundleDir, { recursive: true });
  try {
    const csv = join(dir.path, 'kassa-export.csv');
    writeTillExport(csv, ROWS);
    const childTs = join(here, 'import', 'importChild.ts');
    const bundle = await bundleForNode(childTs, join(bundleDir, 'importChild.mjs'));
    // The import worker beside the bundle, as scripts/build-node.mjs puts it beside the app.
    await bundleForNode(
      join(root, 'electron/services/selections/worker/importWorker.ts'),
      join(bundleDir, 'importWorker.mjs'),
    );
    const tsxLoader = ['--import', 'tsx'];
    const dataDir = (name: string) => join(dir.path, name);

    const emptyNodeRssMb = await emptyProcessRssMb([]);
    const emptyTsxRssMb = await emptyProcessRssMb(tsxLoader);
    const bundled = await child(process.execPath, [bundle, csv, dataDir('bundled')]);
    const bundledAgain = await child(process.execPath, [bundle, csv, dataDir('bundled2')]);
    // Browser mode runs under tsx and receives the file as an upload.
    const underTsx = await child(process.execPath, [
      ...tsxLoader,
      childTs,
      csv,
      dataDir('tsx'),
      'upload',
    ]);

    const best = (a: Figures, b: Figures) => (a.importCpuMs! <= b.importCpuMs! ? a : b);
    const shipped = best(bundled, bundledAgain);
    const peakRssMb = Math.max(shipped.peakRssSampledMb!, shipped.peakRssKernelMb!);
    const tsxPeakRssMb = Math.max(underTsx.peakRssSampledMb!, underTsx.peakRssKernelMb!);
    judge('import rows/s (bundle as shipped)', shipped.rowsPerSecond!, GOALS.importRowsPerSecond);
    judge(
      'import vs bare inserts, wall',
      shipped.importVsBareInsertWallRatio!,
      GOALS.importVsBareInserts,
      `bare ${shipped.baselineInsertRowsPerSecond} rows/s`,
    );
    judge('import peak RSS (bundle as shipped)', peakRssMb, GOALS.importRssMb);
    judge('import peak RSS (browser mode, tsx)', tsxPeakRssMb, GOALS.importRssLargeMb);
    judge('longest app.info wait during import', shipped.longestAppInfoWaitMs!, GOALS.appInfoMs);
    return {
      rows: ROWS,
      emptyNodeRssMb,
      emptyTsxRssMb,
      // The figures to judge, each beside its goal: the app as it ships, best of two runs by CPU.
      rowsPerSecond: { figure: shipped.rowsPerSecond, goal: '≥ 100000' },
      importVsBareInsertWallRatio: {
        figure: shipped.importVsBareInsertWallRatio,
        goal: '≤ 1.5',
        baselineSameRowsPerSecond: shipped.baselineInsertRowsPerSecond,
      },
      importVsBareInsertCpuRatio: shipped.importVsBareInsertCpuRatio,
      rowsPerCpuSecond: shipped.rowsPerCpuSecond,
      peakRssMb: { figure: peakRssMb, goal: '≤ 200 (shipped bundle)' },
      peakRssUnderTsxMb: {
        figure: tsxPeakRssMb,
        goal: '≤ 250 (browser mode)',
      },
      longestAppInfoWaitMs: { figure: shipped.longestAppInfoWaitMs, goal: '≤ 100' },
      rssAppStartedMb: shipped.rssAppStartedMb,
      importRssGrowthMb: shipped.importRssGrowthMb,
      longestEventLoopStallMs: shipped.longestEventLoopStallMs,
      progressEventsBeforeResult: shipped.progressEventsBeforeResult,
      bundled: [bundled, bundledAgain],
      tsx: underTsx,
      tsxExtraRssAtAppStartMb: underTsx.rssAppStartedMb! - shipped.rssAppStartedMb!,
    };
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
    dir.remove();
  }
}
