import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Signed tokens that travel in every mail (pixel, links, unsubscribe, web version, opt-in).
 * Shared by the desktop app (which signs) and the tracker (which verifies): pure node:crypto.
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA-256(first part, account key)).
 */
export const TOKEN_KINDS = ['open', 'click', 'unsubscribe', 'web', 'confirm'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenPayload {
  v: 1;
  /** Key id, so an account's key can be rotated while old mails keep working. */
  kid: string;
  account: string;
  mailing: string;
  /** Opaque recipient id: only the shop's own database maps it to a person. */
  recipient: string;
  kind: TokenKind;
  /** Link id within the mailing's link table (click tokens only). */
  link?: number;
  /**
   * Optional: when the app signed the token (Unix seconds), i.e. roughly when the mail left. Lets
   * the tracker flag a click or open within seconds of delivery as a link scanner, not a person.
   */
  iat?: number;
}

export type KeyLookup = (account: string, kid: string) => Buffer | string | undefined;

export const MAX_TOKEN_LENGTH = 2048;

/** A secret as bytes or text, or a KeyObject made once per key (createHmac then skips copying it). */
export type SigningKey = Buffer | string | KeyObject;

/** The HMAC-SHA-256 of `data` as its canonical base64url text (43 characters, no padding). */
function mac(data: string, key: SigningKey): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

export function signToken(payload: TokenPayload, key: Buffer | string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

/** The fields every token of one recipient of one mailing shares. */
export type RecipientTokenBase = Pick<TokenPayload, 'kid' | 'account' | 'mailing' | 'recipient'> & {
  iat: number;
};

const keyObjects = new WeakMap<Buffer, KeyObject>();

/**
 * One recipient's tokens (pixel, links, web version, unsubscribe), exactly what `signToken` makes
 * for {v, kid, account, mailing, recipient, kind, link?, iat}, with less work per token because a
 * mail holds a dozen: the JSON up to the kind is written once and the key is a KeyObject made once
 * per key (2.8 µs a token instead of 4.5). Kept beside `signToken` so the format lives in one file.
 */
export function recipientTokenSigner(
  base: RecipientTokenBase,
  key: Buffer,
): (kind: TokenKind, link?: number) => string {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  const signingKey = keyObject;
  const head = `{"v":1,"kid":${JSON.stringify(base.kid)},"account":${JSON.stringify(base.account)},"mailing":${JSON.stringify(base.mailing)},"recipient":${JSON.stringify(base.recipient)},"kind":"`;
  const tail = `,"iat":${base.iat}}`;
  return (kind, link) => {
    const json = `${head}${kind}"${link === undefined ? '' : `,"link":${link}`}${tail}`;
    const body = Buffer.from(json).toString('base64url');
    return `${body}.${mac(body, signingKey)}`;
  };
}

/** Returns the payload only when the token is intact, signed with a known key and of the expected kind. */
export function verifyToken(
  token: string,
  expectedKind: TokenKind,
  lookupKey: KeyLookup,
): TokenPayload | null {
  const opened = readToken(token);
  if (!opened || opened.payload.kind !== expectedKind) return null;
  const key = lookupKey(opened.payload.account, opened.payload.kid);
  if (key === undefined) return null;
  return hasValidSignature(opened, key) ? opened.payload : null;
}

/** A token split into its parts, its payload well-formed but NOT yet checked against a key. */
export interface UnverifiedToken {
  payload: TokenPayload;
  body: string;
  /** The signature exactly as written in the token (base64url, 43 characters, no padding). */
  signature: string;
}

/**
 * Splits and parses a token without checking its signature, so a server can fetch the key it
 * names (asynchronously) and then call hasValidSignature. Never trust the payload before that.
 */
export function readToken(token: string): UnverifiedToken | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  const payload = parsePayload(body);
  if (!payload) return null;
  return { payload, body, signature: token.slice(dot + 1) };
}

/**
 * Constant-time check of the token's HMAC against the key. The expected MAC is encoded as its one
 * canonical base64url text (43 characters, no `=`, the last character's two unused bits zero) and
 * compared as text: a `=`, a stray character or a sibling spelling that decodes to the same bytes
 * is another text and fails. Comparing text skips decoding the signature.
 */
export function hasValidSignature(token: UnverifiedToken, key: SigningKey): boolean {
  return sameTextInConstantTime(token.signature, mac(token.body, key));
}

/** Equal texts, compared by Node's constant-time check (the length is no secret: always 43). */
function sameTextInConstantTime(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given);
  return (
    givenBytes.length === expected.length && timingSafeEqual(givenBytes, Buffer.from(expected))
  );
}

/**
 * The account and key id a token claims, WITHOUT checking its signature: only to fetch the right
 * key before calling verifyToken. Never trust anything else from it.
 */
export function readTokenClaims(token: string): { account: string; kid: string } | null {
  const opened = readToken(token);
  return opened ? { account: opened.payload.account, kid: opened.payload.kid } : null;
}

function parsePayload(body: string): TokenPayload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!isPayload(value)) return null;
    return value;
  } catch {
    return null;
  }
}

/**
 * An id as the app writes it: no control character. The key is looked up by account and kid before
 * the signature is checked, and PostgreSQL fails on a NUL in text: a forged token with one must be
 * refused here, like any other, not reach the store.
 */
// eslint-disable-next-line no-control-regex
const isIdText = (value: unknown) => typeof value === 'string' && !/[\u0000-\u001f]/.test(value);

function isPayload(value: unknown): value is TokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    p.v === 1 &&
    isIdText(p.kid) &&
    isIdText(p.account) &&
    isIdText(p.mailing) &&
    isIdText(p.recipient) &&
    TOKEN_KINDS.includes(p.kind as TokenKind) &&
    (p.link === undefined || (Number.isInteger(p.link) && (p.link as number) >= 0)) &&
    (p.iat === undefined || (Number.isInteger(p.iat) && (p.iat as number) >= 0))
  );
}
