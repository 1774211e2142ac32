import type { TxtResolver } from '../../../electron/services/senders/dnsCheck';

/** The checklist's manual items, all ticked. */
export const ALL_TICKED = ['permission', 'testChecked', 'contentCorrect'];

/** DNS as a well set-up shop domain answers it; no query leaves the process. */
export function fakeResolver(records: Record<string, string[]> = {}): TxtResolver {
  const table: Record<string, string[]> = {
    'bakkerij.nl': ['v=spf1 include:_spf.provider.nl ~all'],
    '_dmarc.bakkerij.nl': ['v=DMARC1; p=quarantine'],
    ...records,
  };
  return {
    async resolveTxt(name) {
      const found = table[name];
      if (!found)
        throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return found.map((r) => [r]);
    },
  };
}
