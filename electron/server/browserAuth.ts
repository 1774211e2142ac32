import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/** Where tools and tests find the running instance's token: `<dataDir>/browser-token`. */
export const BROWSER_TOKEN_FILE = 'browser-token';

/** A fresh random token for this start, written (0600) to `<dataDir>/browser-token`. */
export function writeBrowserToken(dataDir: string): string {
  const token = randomBytes(32).toString('base64url');
  const file = join(dataDir, BROWSER_TOKEN_FILE);
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that already exists.
  chmodSync(file, 0o600);
  return token;
}

/** Cookies ignore the port: each instance gets its own name so two data folders never clash. */
export function cookieName(port: number): string {
  return `winkelpost-${port}`;
}

/** Set-Cookie for the page that showed the token: JavaScript cannot read it, other sites never send it. */
export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

function sameToken(given: string, token: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time for every guess.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function isValidToken(given: string | null | undefined, token: string): boolean {
  return typeof given === 'string' && given !== '' && sameToken(given, token);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The session cookie or `Authorization: Bearer <token>` (tools and tests). */
export function isAuthorized(req: IncomingMessage, port: number, token: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return isValidToken(bearer, token);
  return isValidToken(cookieValue(req.headers.cookie, cookieName(port)), token);
}

/** Both loopback spellings a user may type, on our port; any other Origin is a foreign page. */
export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
