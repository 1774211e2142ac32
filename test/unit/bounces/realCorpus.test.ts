import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyReport } from '../../../electron/services/bounces/classify';
import { parseBounceWithMailparser } from '../../../electron/services/bounces/mailparserParser';
import { parseBounce } from '../../../electron/services/bounces/parseBounce';
import {
  isHard,
  loadRealCorpus,
  outcomeOf,
  REAL_CORPUS_DIR,
  realSource,
  systemOf,
  type RealCase,
} from './realCorpus';

/**
 * Real bounces of many mail systems (sisimai's set-of-emails, README in the folder), labelled
 * with sisimai's reason mapped to ours. Every case that ours reads right is asserted, so a change
 * that breaks one fails; the cases still misread carry `miss` and are only counted. Prints the
 * agreement per system, overall and on hard/not hard (suppress or not).
 */
const cases = loadRealCorpus();

interface Tally {
  total: number;
  exact: number;
  kind: number;
  hardSoft: number;
}
const bySystem = new Map<string, Tally>();
const overall: Tally = { total: 0, exact: 0, kind: 0, hardSoft: 0 };
const misread: string[] = [];

function count(c: RealCase, got: ReturnType<typeof outcomeOf>, parser: string) {
  const system = bySystem.get(systemOf(c.file)) ?? { total: 0, exact: 0, kind: 0, hardSoft: 0 };
  bySystem.set(systemOf(c.file), system);
  for (const tally of [system, overall]) {
    tally.total += 1;
    if (got.kind === c.kind && got.reason === c.reason) tally.exact += 1;
    if (got.kind === c.kind) tally.kind += 1;
    if (isHard(got.kind) === isHard(c.kind)) tally.hardSoft += 1;
  }
  if (got.kind !== c.kind || got.reason !== c.reason) {
    misread.push(
      `${c.file} (${parser}): ${got.kind}/${got.reason}, expected ${c.kind}/${c.reason}`,
    );
  }
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

describe('real bounce corpus', () => {
  it('labels every message in the folder, at least 210 from at least 60 systems', () => {
    const files = readdirSync(REAL_CORPUS_DIR).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(210);
    expect(new Set(files.map(systemOf)).size).toBeGreaterThanOrEqual(60);
  });

  describe.each(cases)('$file', (c) => {
    const expected = { kind: c.kind, reason: c.reason };
    // The poller's path: the light parser, mailparser where it cannot read the message.
    it(`as the poller reads it: ${c.kind}/${c.reason}`, async () => {
      const got = outcomeOf(classifyReport(await parseBounce(realSource(c.file))));
      count(c, got, 'poller');
      if (!c.miss) expect(got, c.note).toEqual(expected);
    });

    it(`mailparser: ${c.kind}/${c.reason}`, async () => {
      const got = outcomeOf(classifyReport(await parseBounceWithMailparser(realSource(c.file))));
      count(c, got, 'mailparser');
      if (!c.miss) expect(got, c.note).toEqual(expected);
    });
  });

  afterAll(() => {
    const lines = [...bySystem.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, t]) => `  ${system}: ${t.exact}/${t.total} (${percent(t.exact, t.total)})`);
    console.log(
      [
        `real bounce corpus (${cases.length} messages, both parsers):`,
        `  reason and kind ${percent(overall.exact, overall.total)}, kind ${percent(overall.kind, overall.total)}, ` +
          `hard/not hard ${percent(overall.hardSoft, overall.total)}`,
        ...lines,
        ...misread.map((m) => `  misread: ${m}`),
      ].join('\n'),
    );
  });
});
