import type { IncomingMessage } from 'node:http';
import { isOwnOrigin } from './browserAuth';

/**
 * Host must name loopback on our own port: a rebound DNS name (evil.example resolving to
 * 127.0.0.1) carries its own name, and a page on another local port carries that port.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const given = host.toLowerCase();
  return (
    given === `127.0.0.1:${port}` || given === `localhost:${port}` || given === `[::1]:${port}`
  );
}

/**
 * A request another web page made: an Origin that is not ours, or the browser's own word
 * (Sec-Fetch-Site) that it came from another site. Browsers send both on every fetch and form
 * post; a tool (curl, a test) sends neither and is judged by its token alone.
 */
export function isCrossSiteFetch(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, port)) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
