/**
 * Campaign tags (UTM): links to the shop's own website carry utm_source, utm_medium=email,
 * utm_campaign and utm_content, so the shop's web analytics can tell what a mailing brought in.
 * Links to any other site stay exactly as written.
 */

export interface CampaignTags {
  /** utm_source: the same for every mailing of the app (see docs/DEVELOPING.md). */
  source: string;
  /** utm_campaign: the mailing's slug. */
  campaign: string;
  /** Host names of the shop's own website(s), lower case; subdomains of these count too. */
  ownDomains: readonly string[];
}

/** Lower case, Dutch accents folded (é → e, ĳ → ij), `&` as "en", words joined by hyphens. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** The host of an http(s) address or bare domain, lower case and without a trailing dot. */
export function hostOf(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** The website's host and its www/non-www twin, then any further own domains (deduplicated). */
export function ownDomainsOf(website: string, extraDomains: readonly string[]): string[] {
  const domains = new Set<string>();
  const site = hostOf(website);
  if (site) {
    domains.add(site);
    domains.add(site.startsWith('www.') ? site.slice(4) : `www.${site}`);
  }
  for (const extra of extraDomains) {
    const host = hostOf(extra);
    if (host) domains.add(host);
  }
  return [...domains];
}

/** The host itself or a subdomain of it (shop.nl covers www.shop.nl and winkel.shop.nl). */
function isOwnHost(host: string, ownDomains: readonly string[]): boolean {
  return ownDomains.some((own) => host === own || host.endsWith(`.${own}`));
}

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const;

/**
 * The link with campaign tags when it points to an own domain, else unchanged. The query and
 * fragment are kept byte for byte (tags go after the existing parameters); a utm_* the shop
 * already wrote wins over ours.
 */
export function tagLink(url: string, tags: CampaignTags, content: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!/^https?:$/.test(parsed.protocol)) return url;
  if (!isOwnHost(parsed.hostname.replace(/\.$/, ''), tags.ownDomains)) return url;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const values: Record<(typeof UTM_KEYS)[number], string> = {
    utm_source: tags.source,
    utm_medium: 'email',
    utm_campaign: tags.campaign,
    utm_content: content,
  };
  const added = UTM_KEYS.filter((key) => !parsed.searchParams.has(key) && values[key] !== '')
    .map((key) => `${key}=${encodeURIComponent(values[key])}`)
    .join('&');
  if (added === '') return url;
  // "https://shop.nl" has no path: the tags need one before the "?".
  const base =
    parsed.pathname === '/' && !/^https?:\/\/[^/?#]*\//i.test(beforeHash)
      ? beforeHash.replace(/^(https?:\/\/[^/?#]*)/i, '$1/')
      : beforeHash;
  const separator = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${separator}${added}${hash}`;
}
