import { describe, expect, it } from 'vitest';
import { spoolCapOf, spoolOverCap } from '../../../tracker/spool/spoolCap';

const MB = 1024 * 1024;
const cap = spoolCapOf(256);

describe("the spool's cap on disk", () => {
  it('is TRACKER_SPOOL_MAX_MB in bytes and resumes spooling at half of it', () => {
    expect(cap).toEqual({ capBytes: 256 * MB, resumeBytes: 128 * MB });
    expect(spoolCapOf(0.02).capBytes).toBe(Math.round(0.02 * MB));
  });

  it('goes over once the unstored backlog reaches the cap', () => {
    expect(spoolOverCap(256 * MB - 1, false, cap)).toBe(false);
    expect(spoolOverCap(256 * MB, false, cap)).toBe(true);
  });

  it('stays over until the backlog is down to half the cap, so the workers do not flap', () => {
    expect(spoolOverCap(200 * MB, true, cap)).toBe(true);
    expect(spoolOverCap(128 * MB + 1, true, cap)).toBe(true);
    expect(spoolOverCap(128 * MB, true, cap)).toBe(false);
    expect(spoolOverCap(200 * MB, false, cap)).toBe(false);
  });
});
