import { isIPv4, isIPv6 } from 'node:net';

/**
 * Truncates an address on arrival so no full IP is ever stored: IPv4 to its /24, IPv6 to its /48
 * (IPv4-mapped IPv6 counts as IPv4). Anything unparsable becomes null.
 */
export function truncateIp(address: string | undefined | null): string | null {
  if (!address) return null;
  // Requests come in runs from one address (a proxy, a gateway, a keep-alive connection).
  if (address === last.address) return last.truncated;
  const truncated = truncate(address);
  last = { address, truncated };
  return truncated;
}

let last: { address: string; truncated: string | null } = { address: '', truncated: null };

function truncate(address: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0`;
  if (isIPv6(ip)) {
    const groups = expandIpv6(ip);
    return groups ? `${groups.slice(0, 3).join(':')}::` : null;
  }
  return null;
}

function expandIpv6(ip: string): string[] | null {
  const withoutZone = ip.split('%')[0] ?? '';
  const [head = '', tail] = withoutZone.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (e.g. ::1.2.3.4) takes two groups; its low bits fall outside the /48.
  const last = right.length ? right[right.length - 1] : left[left.length - 1];
  const extra = last && last.includes('.') ? 1 : 0;
  const missing = 8 - left.length - right.length - extra;
  if (tail === undefined && missing !== 0) return null;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  return groups.map((g) => (g.includes('.') ? g : (parseInt(g || '0', 16) || 0).toString(16)));
}
