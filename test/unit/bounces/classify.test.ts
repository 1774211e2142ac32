import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyReport } from '../../../electron/services/bounces/classify';
import { parseBounceFast } from '../../../electron/services/bounces/fastParser';
import { parseBounceWithMailparser } from '../../../electron/services/bounces/mailparserParser';
import { findJobIdInText } from '../../../electron/services/bounces/verp';
import type { BounceReport } from '../../../electron/services/bounces/report';
import { actionOf } from './corpus';
import { FIXTURE_DIR, fixtureSecret, fixtureSource, loadExpected } from './fixtures';

const table = loadExpected();

function verpJobId(report: BounceReport): number | null {
  const hints = [...report.envelopeHints, report.original?.get('return-path') ?? ''];
  return findJobIdInText(hints.join(' '), fixtureSecret());
}

describe('bounce fixtures', () => {
  it('has an expected classification for every .eml file', () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(table.fixtures.map((f) => f.file).sort());
  });
});

describe.each(table.fixtures)('$file', (expected) => {
  it(`the light parser reads it as ${expected.kind}`, () => {
    const report = parseBounceFast(fixtureSource(expected.file));
    expect(report).not.toBeNull();
    const verdict = classifyReport(report!);
    expect(verdict.kind).toBe(expected.kind);
    expect(verdict.reason).toBe(expected.reason);
    expect(actionOf(verdict)).toBe(expected.action);
    expect(verdict.recipient).toBe(expected.recipient);
    expect(verdict.status).toBe(expected.status);
    expect(verdict.originalMessageId).toBe(expected.originalMessageId);
    expect(verpJobId(report!)).toBe(expected.verpJobId);
    if (['hard', 'soft', 'blocked'].includes(expected.kind)) expect(verdict.detail).not.toBe('');
  });

  it(`mailparser reads it as ${expected.kind} too`, async () => {
    const report = await parseBounceWithMailparser(fixtureSource(expected.file));
    const verdict = classifyReport(report);
    expect(verdict.kind).toBe(expected.kind);
    expect(verdict.reason).toBe(expected.reason);
    expect(actionOf(verdict)).toBe(expected.action);
    expect(verdict.recipient).toBe(expected.recipient);
    expect(verdict.status).toBe(expected.status);
    expect(verpJobId(report)).toBe(expected.verpJobId);
  });
});
