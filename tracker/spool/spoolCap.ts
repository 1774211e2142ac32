/**
 * The bound on the spool's size on disk: the bytes spooled and not stored yet (the backlog). Past
 * `capBytes` the workers stop spooling and check and store opens and clicks themselves (overload
 * then costs CPU instead of disk, and a forged token never reaches the disk); they spool again
 * once the backlog is back under `resumeBytes`, lower than the cap so the mode does not flap.
 */
export interface SpoolCap {
  capBytes: number;
  resumeBytes: number;
}

/** Spooling resumes once the backlog is down to this share of the cap. */
const RESUME_SHARE = 0.5;

export const DEFAULT_SPOOL_MAX_MB = 256;

export function spoolCapOf(maxMb: number): SpoolCap {
  const capBytes = Math.round(maxMb * 1024 * 1024);
  return { capBytes, resumeBytes: Math.floor(capBytes * RESUME_SHARE) };
}

/** Whether the spool is over its cap now, given the backlog and whether it was over before. */
export function spoolOverCap(backlogBytes: number, wasOver: boolean, cap: SpoolCap): boolean {
  return wasOver ? backlogBytes > cap.resumeBytes : backlogBytes >= cap.capBytes;
}
