import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../core/kvStore';

/**
 * VERP: every mail goes out with its own envelope sender, `bounces+j<jobId>-<tag>@shop.nl`, so a
 * bounce names the send job it belongs to. The tag is a short HMAC of the job id with a per-install
 * secret: a forged bounce cannot make us suppress somebody else's address.
 */
const TAG_LENGTH = 10;
const VERP_LOCAL = /^(.*)\+j(\d{1,15})-([0-9a-f]+)$/i;
/** Finds VERP addresses inside any header text (To, Delivered-To, the returned Return-Path, …). */
export const VERP_IN_TEXT = /[a-z0-9!#$%&'*/=?^_`{|}~.-]+\+j\d{1,15}-[0-9a-f]{6,32}@[a-z0-9.-]+/gi;

function tagFor(jobId: number, secret: Buffer): string {
  return createHmac('sha256', secret).update(`job:${jobId}`).digest('hex').slice(0, TAG_LENGTH);
}

/** `bounces@shop.nl` + job 123 → `bounces+j123-1a2b3c4d5e@shop.nl`. */
export function bounceAddressFor(mailbox: string, jobId: number, secret: Buffer): string {
  if (!Number.isSafeInteger(jobId) || jobId < 0) throw new Error(`Invalid job id ${jobId}`);
  const at = mailbox.lastIndexOf('@');
  if (at <= 0) throw new Error(`Invalid bounce mailbox address ${mailbox}`);
  const local = mailbox.slice(0, at);
  const domain = mailbox.slice(at + 1);
  return `${local}+j${jobId}-${tagFor(jobId, secret)}@${domain}`;
}

/** The job id of a VERP address whose tag checks out; null for anything else. */
export function parseBounceAddress(address: string, secret: Buffer): number | null {
  const bare = address.trim().replace(/^<|>$/g, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0) return null;
  const match = VERP_LOCAL.exec(bare.slice(0, at));
  if (!match) return null;
  const jobId = Number(match[2]);
  if (!Number.isSafeInteger(jobId)) return null;
  const given = Buffer.from(match[3]!.toLowerCase(), 'utf8');
  const expected = Buffer.from(tagFor(jobId, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? jobId : null;
}

/** The first VERP address in some header text that checks out. */
export function findJobIdInText(text: string, secret: Buffer): number | null {
  for (const candidate of text.match(VERP_IN_TEXT) ?? []) {
    const jobId = parseBounceAddress(candidate, secret);
    if (jobId !== null) return jobId;
  }
  return null;
}

/**
 * The VERP evidence in a report: the job id when a tag checks out; `forged` when the report shows
 * VERP addresses but none checks out (then a bare address match is not to be trusted either).
 */
export function verpEvidence(
  text: string,
  secret: Buffer,
): { jobId: number | null; forged: boolean } {
  const candidates = text.match(VERP_IN_TEXT) ?? [];
  const jobId = findJobIdInText(text, secret);
  return { jobId, forged: jobId === null && candidates.length > 0 };
}

const SECRET_KEY = 'bounces.verpSecret';

/** The per-install VERP secret: generated on first use and kept in the settings table. */
export function verpSecret(kv: KeyValueStore): Buffer {
  const stored = kv.get<string>(SECRET_KEY);
  if (stored) return Buffer.from(stored, 'base64');
  const secret = randomBytes(32);
  kv.set(SECRET_KEY, secret.toString('base64'));
  return secret;
}
