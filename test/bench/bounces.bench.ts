import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyReport } from '../../electron/services/bounces/classify';
import { parseBounceFast } from '../../electron/services/bounces/fastParser';
import { parseBounceWithMailparser } from '../../electron/services/bounces/mailparserParser';
import { parseBounce } from '../../electron/services/bounces/parseBounce';
import { tempDir } from '../helpers/tempDir';
import { CORPUS_DIR } from '../unit/bounces/corpus';
import { FIXTURE_DIR } from '../unit/bounces/fixtures';

const MESSAGES = 10_000;

/**
 * Classifying 10,000 messages read from files (parse + classify), with the light DSN parser the
 * poller uses first, and with mailparser (its fallback) as the baseline, on the same files.
 */
export default async function bouncesBench(): Promise<Record<string, number>> {
  const dir = tempDir('winkelpost-bounce-bench-');
  try {
    // The hand-picked fixtures and the labelled corpus: every format the classifier reads.
    const fixtures = [FIXTURE_DIR, CORPUS_DIR].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => readFileSync(join(dir, f), 'latin1').replace(/\r?\n/g, '\r\n')),
    );
    const files: string[] = [];
    for (let i = 0; i < MESSAGES; i += 1) {
      const file = join(dir.path, `${i}.eml`);
      // Each file a distinct message, as in a real mailbox.
      writeFileSync(file, `X-Bench-Seq: ${i}\r\n${fixtures[i % fixtures.length]}`, 'latin1');
      files.push(file);
    }

    // Warm up both paths (JIT, file cache) so neither pays for going first.
    for (const file of files.slice(0, 500)) {
      classifyReport(parseBounceFast(readFileSync(file))!);
      classifyReport(await parseBounceWithMailparser(readFileSync(file)));
    }

    const kinds = new Map<string, number>();
    let reviews = 0;
    let start = performance.now();
    for (const file of files) {
      const report = parseBounceFast(readFileSync(file));
      if (!report) throw new Error(`light parser gave up on ${file}`);
      const verdict = classifyReport(report);
      kinds.set(verdict.kind, (kinds.get(verdict.kind) ?? 0) + 1);
      if (verdict.review) reviews += 1;
    }
    const lightMs = performance.now() - start;

    // What the poller runs: the light parser, mailparser only where it gives up.
    start = performance.now();
    for (const file of files) classifyReport(await parseBounce(readFileSync(file)));
    const pollerPathMs = performance.now() - start;

    start = performance.now();
    const mailparserKinds: string[] = [];
    for (const file of files) {
      mailparserKinds.push(
        classifyReport(await parseBounceWithMailparser(readFileSync(file))).kind,
      );
    }
    const mailparserMs = performance.now() - start;
    const agree = files.filter(
      (file, i) => classifyReport(parseBounceFast(readFileSync(file))!).kind === mailparserKinds[i],
    ).length;

    const perSecond = (ms: number) => Math.round((MESSAGES / ms) * 1000);
    return {
      messages: MESSAGES,
      lightParserMessagesPerSecond: perSecond(lightMs),
      pollerPathMessagesPerSecond: perSecond(pollerPathMs),
      mailparserMessagesPerSecond: perSecond(mailparserMs),
      lightVsMailparser: Number((mailparserMs / lightMs).toFixed(1)),
      targetMessagesPerSecond: 2000,
      sameKindBothParsers: agree,
      hard: kinds.get('hard') ?? 0,
      soft: kinds.get('soft') ?? 0,
      blocked: kinds.get('blocked') ?? 0,
      complaint: kinds.get('complaint') ?? 0,
      review: reviews,
    };
  } finally {
    dir.remove();
  }
}
