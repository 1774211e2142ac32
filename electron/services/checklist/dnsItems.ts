import type { ChecklistItemT } from '../../contract/checklist';
import type { AppContext } from '../core/appContext';
import { dkimPublicKey, domainOf } from '../senders/dkim';
import { checkSenderDomain, type DnsCheckResult, type TxtResolver } from '../senders/dnsCheck';
import { fixes, item } from './items';

const DNS_CACHE_MS = 10 * 60 * 1000;
const dnsCache = new Map<string, { at: number; checks: DnsCheckResult[] }>();

/**
 * SPF, DKIM and DMARC of the sender's domain (their lines come whole from dnsCheck, with their own
 * keys). Cached ten minutes per domain and DKIM selector: the checklist is opened often.
 */
export async function dnsItems(
  context: Pick<AppContext, 'clock' | 'kv'>,
  email: string,
  resolver: () => TxtResolver,
): Promise<ChecklistItemT[]> {
  const domain = domainOf(email);
  const now = context.clock.now();
  const dkim = dkimPublicKey(context.kv, domain);
  const cacheKey = `${domain}|${dkim?.selector ?? ''}`;
  let cached = dnsCache.get(cacheKey);
  if (!cached || now - cached.at > DNS_CACHE_MS || now < cached.at) {
    cached = { at: now, checks: await checkSenderDomain(resolver(), domain, dkim) };
    dnsCache.set(cacheKey, cached);
  }
  return cached.checks.map((check) =>
    item(
      check.id,
      check.status,
      `${check.id}: ${check.key}`,
      check.key,
      fixes.accountSection('dns'),
      {
        domain,
        ...check.params,
      },
    ),
  );
}
