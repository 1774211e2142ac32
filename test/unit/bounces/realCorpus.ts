import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BounceKind, Verdict } from '../../../electron/services/bounces/classify';
import type { BounceReason } from '../../../electron/services/bounces/reasons';
import { FIXTURE_DIR } from './fixtures';

export const REAL_CORPUS_DIR = join(FIXTURE_DIR, 'real');

/** One real bounce of sisimai's set-of-emails with sisimai's label and ours. */
export interface RealCase {
  file: string;
  /** The reason sisimai's own tests give this message. */
  sisimai: string;
  /** Ours: sisimai's reason mapped to our taxonomy (README), or where ours differs on purpose. */
  reason: BounceReason;
  kind: BounceKind;
  /** Why ours differs from sisimai's label, where it does. */
  note?: string;
  /** Still misread: what ours says now and why; such a case is reported, not asserted. */
  miss?: string;
}

export function loadRealCorpus(): RealCase[] {
  return JSON.parse(readFileSync(join(REAL_CORPUS_DIR, 'labels.json'), 'utf8')) as RealCase[];
}

export function realSource(file: string): Buffer {
  return readFileSync(join(REAL_CORPUS_DIR, file));
}

/** The mail system a sample comes from: its file name without the number. */
export function systemOf(file: string): string {
  return file.replace(/-\d+\.eml$/, '');
}

/** Suppress or not: the one difference that costs a customer (hard) or keeps mailing a dead address. */
export function isHard(kind: BounceKind): boolean {
  return kind === 'hard';
}

export function outcomeOf(verdict: Verdict): { kind: BounceKind; reason: BounceReason } {
  return { kind: verdict.kind, reason: verdict.reason };
}
