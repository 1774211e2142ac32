import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyReport,
  type BounceKind,
  type Verdict,
} from '../../../electron/services/bounces/classify';
import type { BounceReason } from '../../../electron/services/bounces/reasons';
import { FIXTURE_DIR, type ExpectedAction } from './fixtures';

export const CORPUS_DIR = join(FIXTURE_DIR, 'corpus');

export interface CorpusCase {
  file: string;
  kind: BounceKind;
  reason: BounceReason;
  action: ExpectedAction;
  recipient: string | null;
  why: string;
  /** The measured failure pattern of the old classifier this message reproduces. */
  failurePattern?: string;
}

export function loadCorpus(): { threshold: number; cases: CorpusCase[] } {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'corpus.json'), 'utf8')) as {
    threshold: number;
    cases: CorpusCase[];
  };
}

export function corpusSource(file: string): Buffer {
  return readFileSync(join(CORPUS_DIR, file));
}

export function actionOf(verdict: Verdict): ExpectedAction {
  return verdict.review ? 'review' : verdict.action;
}

/** What a verdict says, in the fields the corpus records. */
export function observed(verdict: Verdict) {
  return {
    kind: verdict.kind,
    reason: verdict.reason,
    action: actionOf(verdict),
    recipient: verdict.recipient,
  };
}

export function classify(report: Parameters<typeof classifyReport>[0]) {
  return observed(classifyReport(report));
}
