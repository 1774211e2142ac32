import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBounceFast } from '../../../electron/services/bounces/fastParser';
import { parseBounceWithMailparser } from '../../../electron/services/bounces/mailparserParser';
import { classify, CORPUS_DIR, corpusSource, loadCorpus, type CorpusCase } from './corpus';

/**
 * The labelled corpus: real-format messages of many mail systems, each with its expected reason
 * and action, through both parsers. Every case is asserted; the agreement figure is reported and
 * must stay at or above the corpus's own threshold.
 */
const corpus = loadCorpus();
const tally = { agree: 0, total: 0, wrongSuppressions: [] as string[] };

function expectedOf(c: CorpusCase) {
  return { kind: c.kind, reason: c.reason, action: c.action, recipient: c.recipient };
}

function count(c: CorpusCase, got: ReturnType<typeof classify>, parser: string) {
  tally.total += 1;
  if (JSON.stringify(got) === JSON.stringify(expectedOf(c))) tally.agree += 1;
  if (got.action === 'suppress' && c.action !== 'suppress') {
    tally.wrongSuppressions.push(`${c.file} (${parser})`);
  }
}

describe('bounce corpus', () => {
  it('lists every message in the corpus folder, at least 150', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(corpus.cases.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(150);
  });

  describe.each(corpus.cases)('$file', (c) => {
    it(`the light parser: ${c.reason} → ${c.action}`, () => {
      const report = parseBounceFast(corpusSource(c.file));
      expect(report).not.toBeNull();
      const got = classify(report!);
      count(c, got, 'light');
      expect(got, c.why).toEqual(expectedOf(c));
    });

    it(`mailparser: ${c.reason} → ${c.action}`, async () => {
      const got = classify(await parseBounceWithMailparser(corpusSource(c.file)));
      count(c, got, 'mailparser');
      expect(got, c.why).toEqual(expectedOf(c));
    });
  });

  afterAll(() => {
    const agreement = tally.agree / tally.total;
    console.log(
      `bounce corpus: ${tally.agree}/${tally.total} verdicts agree (${(agreement * 100).toFixed(1)}%, ` +
        `threshold ${corpus.threshold * 100}%), wrong suppressions: ${tally.wrongSuppressions.length}`,
    );
    // A suppression is forever: not one may be wrong, whatever the agreement.
    expect(tally.wrongSuppressions).toEqual([]);
    expect(agreement).toBeGreaterThanOrEqual(corpus.threshold);
  });
});

describe('the measured failure patterns each have their own case', () => {
  const patterns = [
    '550 5.1.0 sender rejected',
    'Status 5.1.1 then 550 5.7.1 IP blacklisted',
    '5.1.3 with a Spamhaus link',
    'Amazon SES 5.1.0 wrapping 5.2.2',
    'Received-SPF in returned headers',
    'not listed in Domino Directory',
    'qmail (#x.y.z)',
    'Status without Diagnostic-Code',
    "another recipient's diagnostic",
    'Outlook.com JMRP complaint',
    'MAIL FROM',
    'code-only hard',
    'X.7.x without a strong unknown-user phrase',
    'rate overrides 5.1.x',
  ];
  it.each(patterns)('%s', (pattern) => {
    expect(corpus.cases.filter((c) => c.failurePattern === pattern).length).toBeGreaterThan(0);
  });
});
