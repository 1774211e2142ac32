import { describe, expect, it } from 'vitest';
import { checkSenderDomain, type TxtResolver } from '../../../electron/services/senders/dnsCheck';

function resolver(table: Record<string, string[] | 'timeout'>): TxtResolver {
  return {
    async resolveTxt(name) {
      const found = table[name];
      if (found === 'timeout') throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
      if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return found.map((r) => [r]);
    },
  };
}

describe('SPF, DKIM and DMARC of the sender domain', () => {
  const dkim = { selector: 'wp20261102', publicKey: 'MIIBIjANBgkq' };

  it('all present and matching', async () => {
    const checks = await checkSenderDomain(
      resolver({
        'winkel.nl': ['google-site-verification=abc', 'v=spf1 include:_spf.provider.nl -all'],
        'wp20261102._domainkey.winkel.nl': ['v=DKIM1; k=rsa; p=MIIBIjANBgkq'],
        '_dmarc.winkel.nl': ['v=DMARC1; p=reject; rua=mailto:d@winkel.nl'],
      }),
      'winkel.nl',
      dkim,
    );
    expect(checks.map((c) => [c.id, c.status, c.key])).toEqual([
      ['spf', 'ok', 'sending:dns.spf.ok'],
      ['dkim', 'ok', 'sending:dns.dkim.ok'],
      ['dmarc', 'ok', 'sending:dns.dmarc.ok'],
    ]);
  });

  it('explains what is missing or wrong', async () => {
    const checks = await checkSenderDomain(
      resolver({
        'winkel.nl': ['v=spf1 a mx +all'],
        'wp20261102._domainkey.winkel.nl': ['v=DKIM1; k=rsa; p=ANDERESLEUTEL'],
        '_dmarc.winkel.nl': 'timeout',
      }),
      'winkel.nl',
      dkim,
    );
    expect(checks.map((c) => c.key)).toEqual([
      'sending:dns.spf.allowsAll',
      'sending:dns.dkim.mismatch',
      'sending:dns.unavailable',
    ]);
    const none = await checkSenderDomain(resolver({}), 'winkel.nl', null);
    expect(none.map((c) => [c.key, c.status])).toEqual([
      ['sending:dns.spf.missing', 'warn'],
      ['sending:dns.dkim.noKey', 'warn'],
      ['sending:dns.dmarc.missing', 'warn'],
    ]);
  });
});
