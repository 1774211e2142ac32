import { loadavg } from 'node:os';

/**
 * The product's goals, one place: every bench judges its figures against these and nothing looser
 * (issue 18: import; issue 26: everything else).
 */
export const GOALS = {
  trackerVsNginx: { atLeast: 0.8, unit: '× nginx' },
  trackerP99Ms: { below: 10, unit: 'ms' },
  trackerLostEvents: { atMost: 0, unit: 'events' },
  trackerSync100kMs: { below: 2000, unit: 'ms' },
  sendVsOwnPool: { atLeast: 0.9, unit: '× own pool' },
  /** Issue 17: the durable on-the-wire mark may cost at most a fifth of nodemailer's own pool. */
  sendVsNodemailerPool: { atLeast: 0.8, unit: '× nodemailer pool' },
  sendPeakRssMb: { atMost: 150, unit: 'MB' },
  /** Issue 26: send.start at 100,000 recipients, and never blocking the event loop longer. */
  sendStartMs: { atMost: 1000, unit: 'ms' },
  sendStartBlockMs: { atMost: 50, unit: 'ms' },
  importVsBareInserts: { atMost: 1.5, unit: '× bare inserts' },
  importRowsPerSecond: { atLeast: 100_000, unit: 'rows/s' },
  importRssMb: { atMost: 200, unit: 'MB' },
  importRssLargeMb: { atMost: 250, unit: 'MB' },
  appInfoMs: { atMost: 100, unit: 'ms' },
  statsGetMs: { atMost: 20, unit: 'ms' },
  checklistAfterChangeMs: { atMost: 200, unit: 'ms' },
  /** Issue 25: a segment's count over 100,000 contacts. */
  segmentFilterMs: { below: 100, unit: 'ms' },
  editorKeystrokeP95Ms: { atMost: 2, unit: 'ms' },
  newsletterMimePerCpuSecond: { atLeast: 5_000, unit: 'msgs/CPU-s' },
} as const satisfies Record<string, Goal>;

export interface Goal {
  atLeast?: number;
  atMost?: number;
  below?: number;
  unit: string;
}

export interface Verdict {
  bench: string;
  figure: string;
  goal: string;
  measured: string;
  met: boolean;
  /** The machine's 1-minute load when the figure was taken (2 cores shared: read it with that). */
  load: number;
}

const verdicts: Verdict[] = [];
let currentBench = '';

/** run.ts names the bench whose verdicts follow. */
export function startBench(name: string): void {
  currentBench = name;
}

export function describeGoal(goal: Goal): string {
  if (goal.atLeast !== undefined) return `≥ ${goal.atLeast.toLocaleString('en')} ${goal.unit}`;
  if (goal.atMost !== undefined) return `≤ ${goal.atMost.toLocaleString('en')} ${goal.unit}`;
  return `< ${goal.below!.toLocaleString('en')} ${goal.unit}`;
}

/**
 * Judges one figure against its goal, prints the line and keeps it for the closing table: the one
 * call a bench makes per figure. `detail` says how it was measured (baseline, rounds…).
 */
export function judge(figure: string, measured: number, goal: Goal, detail = ''): Verdict {
  const met =
    goal.atLeast !== undefined
      ? measured >= goal.atLeast
      : goal.atMost !== undefined
        ? measured <= goal.atMost
        : measured < goal.below!;
  const rounded =
    Math.abs(measured) >= 100 ? Math.round(measured) : Math.round(measured * 100) / 100;
  const verdict: Verdict = {
    bench: currentBench,
    figure,
    goal: describeGoal(goal),
    measured: `${rounded.toLocaleString('en')} ${goal.unit}${detail ? ` (${detail})` : ''}`,
    met,
    load: Math.round(loadavg()[0]! * 100) / 100,
  };
  verdicts.push(verdict);
  process.stderr.write(
    `  ${figure}: ${verdict.measured} — goal ${verdict.goal} — ${met ? 'met' : 'NOT met'} (load ${verdict.load})\n`,
  );
  return verdict;
}

export function allVerdicts(): readonly Verdict[] {
  return verdicts;
}

/** The closing table: one line per judged figure. */
export function verdictTable(rows: readonly Verdict[]): string {
  const header = ['bench', 'figure', 'goal', 'measured', 'verdict', 'load'];
  const cells = rows.map((r) => [
    r.bench,
    r.figure,
    r.goal,
    r.measured,
    r.met ? 'met' : 'not met',
    String(r.load),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join(
    '\n',
  );
}
