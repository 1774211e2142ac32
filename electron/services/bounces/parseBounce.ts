import { parseBounceFast } from './fastParser';
import { parseBounceWithMailparser } from './mailparserParser';
import type { BounceReport } from './report';

/** The light path for the common case; mailparser for whatever it cannot read. */
export async function parseBounce(source: Buffer): Promise<BounceReport> {
  try {
    const fast = parseBounceFast(source);
    if (fast) return fast;
  } catch {
    // Fall through to the thorough parser.
  }
  return parseBounceWithMailparser(source);
}
