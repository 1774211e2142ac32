import { appendFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spoolCapOf } from '../../../tracker/spool/spoolCap';
import { watchSpoolCap } from '../../../tracker/spool/spoolCapWatch';
import { newSegmentPath } from '../../../tracker/spool/spoolFiles';
import { tempDir } from '../../helpers/tempDir';

/** A process id that runs nothing (the segments' writer is gone). */
const DEAD_PID = 2 ** 22 + 17;

/** The primary's watch over the spool's backlog, on real segment files. */
describe("the spool's cap watch", () => {
  const dir = tempDir('winkelpost-capwatch-');
  const spoolDir = join(dir.path, 'spool');
  afterEach(() => dir.remove());

  it('reads the backlog right at once after a stored segment is deleted, before the next report', async () => {
    mkdirSync(spoolDir, { recursive: true });
    const cap = spoolCapOf(0.001);
    const changes: boolean[] = [];
    const watch = watchSpoolCap(spoolDir, cap, (over) => changes.push(over), 5);
    try {
      // A segment the ingester stored and reported, then deleted; no newer report yet.
      const stored = newSegmentPath(spoolDir, DEAD_PID);
      appendFileSync(stored, 'x'.repeat(cap.capBytes));
      watch.setStored({ [basename(stored)]: cap.capBytes });
      unlinkSync(stored);
      // The next segment reaches the cap by itself: nothing of it is stored.
      appendFileSync(newSegmentPath(spoolDir, DEAD_PID), 'y'.repeat(cap.capBytes));
      await vi.waitFor(() => expect(changes).toEqual([true]));
    } finally {
      watch.stop();
    }
  });
});
