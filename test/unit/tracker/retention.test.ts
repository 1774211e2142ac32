import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../tracker/retention';

describe('retentionCutoff', () => {
  it('goes back three calendar months, clamped to the month’s end', () => {
    expect(new Date(retentionCutoff(Date.UTC(2026, 10, 21, 12))).toISOString()).toBe(
      '2026-08-21T12:00:00.000Z',
    );
    expect(new Date(retentionCutoff(Date.UTC(2026, 4, 31, 8))).toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(new Date(retentionCutoff(Date.UTC(2026, 1, 15))).toISOString()).toBe(
      '2025-11-15T00:00:00.000Z',
    );
    expect(new Date(retentionCutoff(Date.UTC(2026, 1, 15), 1)).toISOString()).toBe(
      '2026-01-15T00:00:00.000Z',
    );
  });
});
