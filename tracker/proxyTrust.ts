import { BlockList, isIP } from 'node:net';

/**
 * Which X-Forwarded-For entries to believe. Only what the tracker's own proxies appended counts:
 * the chain is read from the right (nearest hop first), so a client writing its own leftmost
 * values changes nothing. Same semantics as Fastify's trustProxy (proxy-addr), which gets the same
 * function, so the hand-written pixel path and Fastify's request.ip always agree.
 */
export type TrustProxy = false | number | string[];
export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * TRACKER_TRUST_PROXY: empty or 0 = no proxy; a whole number = that many proxies in front; a
 * comma-separated list of proxy addresses or CIDR ranges (10.0.0.0/8, ::1).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk) {
      throw new Error(
        `TRACKER_TRUST_PROXY "${value}": give the number of proxies in front of the tracker ` +
          `(e.g. 1) or their addresses (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is neither`,
      );
    }
  }
  return entries;
}

export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  const list = new BlockList();
  for (const entry of trust) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const plain = mapped ?? address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: walking from the socket towards the left of X-Forwarded-For, the first
 * address not trusted as a proxy (or the leftmost when all are). proxy-addr's algorithm.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | string[] | undefined,
  trust: TrustFunction,
): string {
  if (forwardedFor === undefined || !trust(socketAddress, 0)) return socketAddress;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = header.split(',');
  let current = socketAddress;
  for (let hop = 1, i = hops.length - 1; i >= 0; hop += 1, i -= 1) {
    current = hops[i]!.trim();
    if (i === 0 || !trust(current, hop)) return current;
  }
  return current;
}
