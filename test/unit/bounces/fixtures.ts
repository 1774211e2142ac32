import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BounceKind } from '../../../electron/services/bounces/classify';
import type { BounceAction, BounceReason } from '../../../electron/services/bounces/reasons';

export const FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'fixtures',
  'bounces',
);

/** suppress, pause, soft, …, or review: a suppression that waits for the shopkeeper. */
export type ExpectedAction = BounceAction | 'review';

export interface ExpectedFixture {
  file: string;
  kind: BounceKind;
  reason: BounceReason;
  action: ExpectedAction;
  recipient: string | null;
  status: string;
  verpJobId: number | null;
  originalMessageId: string | null;
}

interface ExpectedTable {
  secretByte: number;
  mailbox: string;
  fixtures: ExpectedFixture[];
}

/** The table of expected classifications that sits beside the .eml files. */
export function loadExpected(): ExpectedTable {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'expected.json'), 'utf8')) as ExpectedTable;
}

export function fixtureSource(file: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, file));
}

/** The VERP secret the fixtures' tags were made with. */
export function fixtureSecret(): Buffer {
  return Buffer.alloc(32, loadExpected().secretByte);
}
