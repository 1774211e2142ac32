import { z } from 'zod';
import { channel } from './channel';
import { Empty, Id, Timestamp } from './common';
import { SmtpSecurity } from './settings';

/** The outcome of "Verbinding testen", in words a shopkeeper can act on. */
export const SmtpTestResult = z.object({
  ok: z.boolean(),
  /** sending:smtp.<kind> when it failed; sending:smtp.ok or sending:smtp.outbox when it did not. */
  key: z.string(),
  kind: z.string().nullable(),
  /** The server's own words, for the details fold-out. */
  detail: z.string().nullable(),
});

/** Test unsaved values from the form; the stored password is used when password is left out. */
export const SmtpTestInput = z
  .object({
    override: z
      .object({
        host: z.string().trim().max(253),
        port: z.number().int().min(1).max(65535),
        security: SmtpSecurity,
        user: z.string().trim().max(254),
        password: z.string().max(500).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .default({});

export const VerificationState = z.object({
  senderId: Id,
  verified: z.boolean(),
  /** A code was sent and can still be entered until this moment. */
  pendingUntil: Timestamp.nullable(),
  attemptsLeft: z.number().int(),
  /** Set when the code went to the outbox folder (no SMTP server configured). */
  outboxFile: z.string().nullable(),
});

export const DkimKey = z.object({
  domain: z.string(),
  selector: z.string(),
  /** Where the TXT record goes: `<selector>._domainkey.<domain>`. */
  recordName: z.string(),
  /** The same name without the domain (`<selector>._domainkey`), as most DNS panels want it. */
  recordHost: z.string(),
  /** What to paste into the TXT record. */
  recordValue: z.string(),
  /** The value as strings of at most 255 characters, for panels that do not split it. */
  recordChunks: z.array(z.string()),
  createdAt: Timestamp,
});

export const DnsCheckStatus = z.enum(['ok', 'warn', 'fail']);
export const DnsCheck = z.object({
  id: z.enum(['spf', 'dkim', 'dmarc']),
  status: DnsCheckStatus,
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The record found, if any. */
  found: z.string().nullable(),
});

export const DnsReport = z.object({
  domain: z.string(),
  checks: z.array(DnsCheck),
  checkedAt: Timestamp,
});

export const OutboxEntry = z.object({
  file: z.string(),
  size: z.number().int(),
  createdAt: Timestamp,
  subject: z.string(),
  to: z.string(),
});

export const OutboxMessage = z.object({
  file: z.string(),
  subject: z.string(),
  from: z.string(),
  to: z.string(),
  date: Timestamp.nullable(),
  messageId: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  attachments: z.array(
    z.object({ fileName: z.string(), contentType: z.string(), size: z.number() }),
  ),
});

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'sending:errors.domain',
  });

export const sendersChannels = {
  'smtp.test': channel(SmtpTestInput, SmtpTestResult),
  /** Mails a 6-digit code to the sender's From address. */
  'senders.sendCode': channel(z.object({ senderId: Id }).strict(), VerificationState),
  'senders.verifyCode': channel(
    z.object({ senderId: Id, code: z.string().trim().max(20) }).strict(),
    VerificationState,
  ),
  'senders.verification': channel(z.object({ senderId: Id }).strict(), VerificationState),
  'dkim.get': channel(z.object({ domain: Domain }).strict(), DkimKey.nullable()),
  /** A new RSA-2048 key for the domain (replaces an older one: its record must be updated). */
  'dkim.generate': channel(z.object({ domain: Domain }).strict(), DkimKey),
  'dns.check': channel(z.object({ domain: Domain }).strict(), DnsReport),
  'outbox.list': channel(Empty, z.array(OutboxEntry)),
  'outbox.open': channel(z.object({ file: z.string().max(200) }).strict(), OutboxMessage),
};
