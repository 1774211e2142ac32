import { Resolver } from 'node:dns/promises';

/** The one DNS question the checks ask; injected so tests never touch the internet. */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}

export type DnsCheckId = 'spf' | 'dkim' | 'dmarc';

export interface DnsCheckResult {
  id: DnsCheckId;
  status: 'ok' | 'warn' | 'fail';
  /** sending:dns.<id>.<finding> */
  key: string;
  params?: Record<string, string | number>;
  found: string | null;
}

export function systemTxtResolver(timeoutMs = 4000): TxtResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  return { resolveTxt: (name) => resolver.resolveTxt(name) };
}

type Lookup = { records: string[] } | { error: 'missing' | 'unavailable' };

async function txt(resolver: TxtResolver, name: string): Promise<Lookup> {
  try {
    return { records: (await resolver.resolveTxt(name)).map((parts) => parts.join('')) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOTFOUND' || code === 'ENODATA' ? { records: [] } : { error: 'unavailable' };
  }
}

function unavailable(id: DnsCheckId): DnsCheckResult {
  return { id, status: 'warn', key: 'sending:dns.unavailable', found: null };
}

/**
 * SPF, DKIM and DMARC of the sender's domain, each with what is missing in plain words. These are
 * advice (warn), never a block: a shop on a provider's domain cannot change its DNS.
 */
export async function checkSenderDomain(
  resolver: TxtResolver,
  domain: string,
  dkim: { selector: string; publicKey: string } | null,
): Promise<DnsCheckResult[]> {
  const [spf, dkimCheck, dmarc] = await Promise.all([
    checkSpf(resolver, domain),
    checkDkim(resolver, domain, dkim),
    checkDmarc(resolver, domain),
  ]);
  return [spf, dkimCheck, dmarc];
}

async function checkSpf(resolver: TxtResolver, domain: string): Promise<DnsCheckResult> {
  const lookup = await txt(resolver, domain);
  if ('error' in lookup) return unavailable('spf');
  const records = lookup.records.filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
  if (records.length === 0)
    return { id: 'spf', status: 'warn', key: 'sending:dns.spf.missing', found: null };
  if (records.length > 1) {
    return {
      id: 'spf',
      status: 'warn',
      key: 'sending:dns.spf.multiple',
      found: records.join(' | '),
    };
  }
  const record = records[0]!;
  if (/\+all\b/i.test(record))
    return { id: 'spf', status: 'warn', key: 'sending:dns.spf.allowsAll', found: record };
  return { id: 'spf', status: 'ok', key: 'sending:dns.spf.ok', found: record };
}

async function checkDkim(
  resolver: TxtResolver,
  domain: string,
  dkim: { selector: string; publicKey: string } | null,
): Promise<DnsCheckResult> {
  if (!dkim) return { id: 'dkim', status: 'warn', key: 'sending:dns.dkim.noKey', found: null };
  const name = `${dkim.selector}._domainkey.${domain}`;
  const lookup = await txt(resolver, name);
  if ('error' in lookup) return unavailable('dkim');
  const record = lookup.records.find((r) => /(^|;)\s*p=/i.test(r));
  if (!record)
    return {
      id: 'dkim',
      status: 'warn',
      key: 'sending:dns.dkim.missing',
      params: { name },
      found: null,
    };
  const published = /(?:^|;)\s*p=([^;]*)/i.exec(record)?.[1]?.replace(/\s+/g, '') ?? '';
  if (published !== dkim.publicKey) {
    return {
      id: 'dkim',
      status: 'warn',
      key: 'sending:dns.dkim.mismatch',
      params: { name },
      found: record,
    };
  }
  return { id: 'dkim', status: 'ok', key: 'sending:dns.dkim.ok', params: { name }, found: record };
}

async function checkDmarc(resolver: TxtResolver, domain: string): Promise<DnsCheckResult> {
  const lookup = await txt(resolver, `_dmarc.${domain}`);
  if ('error' in lookup) return unavailable('dmarc');
  const record = lookup.records.find((r) => /^v=DMARC1/i.test(r.trim()));
  if (!record)
    return { id: 'dmarc', status: 'warn', key: 'sending:dns.dmarc.missing', found: null };
  const policy = /(?:^|;)\s*p=(\w+)/i.exec(record)?.[1]?.toLowerCase() ?? 'none';
  return {
    id: 'dmarc',
    status: 'ok',
    key: policy === 'none' ? 'sending:dns.dmarc.monitorOnly' : 'sending:dns.dmarc.ok',
    params: { policy },
    found: record,
  };
}
