import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SettingsService } from '../settings/settingsService';
import { DkimSigner, type DkimSigning } from './dkimSigner';

/**
 * How mail leaves the app: an SMTP server from the settings, or — when none is configured — the
 * outbox folder `<dataDir>/outbox`, where every message is stored as an .eml file the app lists and
 * opens. So the app can be tried without any server, and nothing is ever silently dropped.
 */
export type TransportKind = 'smtp' | 'outbox';

export interface SmtpServerSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
}

export interface SentInfo {
  messageId: string;
  /** The server's last answer ("250 2.0.0 Ok: queued as …"), or "outbox". */
  response: string;
  /** Set when the message went to the outbox folder instead of a server. */
  outboxFile?: string;
}

export interface MailTransport {
  readonly kind: TransportKind;
  sendMail(mail: Mail.Options): Promise<SentInfo>;
  close(): void;
}

export type { DkimSigning } from './dkimSigner';

export interface TransportTuning {
  /** Connections at once for the send queue's pool (SmtpPool). */
  maxConnections?: number;
  dkim?: DkimSigning;
  /** Explicit timeouts: a silent server must never hang a send. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** What the transport needs from the app; a narrow slice of AppContext. */
export interface TransportContext {
  dataDir: string;
  settings: Pick<SettingsService, 'read' | 'smtpPassword'>;
}

export const DEFAULT_TIMEOUTS = {
  connectionTimeoutMs: 15_000,
  greetingTimeoutMs: 15_000,
  socketTimeoutMs: 60_000,
} as const;

export const DEFAULT_MAX_CONNECTIONS = 3;
/** Servers often cap messages per connection; reconnecting every 100 costs little. */
export const MAX_MESSAGES_PER_CONNECTION = 100;

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function isSmtpConfigured(smtp: SmtpServerSettings): boolean {
  return smtp.host.trim() !== '';
}

/** Where and how to connect: `security` maps to secure / requireTLS / ignoreTLS; explicit timeouts. */
export function connectionOptions(
  smtp: SmtpServerSettings,
  tuning: TransportTuning = {},
): SMTPConnection.Options {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    connectionTimeout: tuning.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs,
    greetingTimeout: tuning.greetingTimeoutMs ?? DEFAULT_TIMEOUTS.greetingTimeoutMs,
    socketTimeout: tuning.socketTimeoutMs ?? DEFAULT_TIMEOUTS.socketTimeoutMs,
    dnsTimeout: 10_000,
  };
}

/** nodemailer transport options for the configured server: test sends and system mail. */
export function smtpOptions(
  smtp: SmtpServerSettings,
  password: string,
  tuning: TransportTuning = {},
): SMTPTransport.Options {
  return {
    ...connectionOptions(smtp, tuning),
    ...(smtp.user ? { auth: { user: smtp.user, pass: password } } : {}),
  };
}

/** The transport the settings call for right now (read each time: the user may change them). */
export function createMailTransport(
  context: TransportContext,
  tuning: TransportTuning = {},
): MailTransport {
  const { smtp } = context.settings.read();
  if (!isSmtpConfigured(smtp))
    return createOutboxTransport(outboxDir(context.dataDir), tuning.dkim);
  return createSmtpTransport(smtp, context.settings.smtpPassword(), tuning);
}

export function createSmtpTransport(
  smtp: SmtpServerSettings,
  password: string,
  tuning: TransportTuning = {},
): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptions(smtp, password, tuning));
  const signer = tuning.dkim ? new DkimSigner(tuning.dkim) : undefined;
  return {
    kind: 'smtp',
    async sendMail(mail) {
      const signed = await signedMail(mail, signer);
      const info = (await transporter.sendMail(signed)) as SMTPTransport.SentMessageInfo;
      return { messageId: info.messageId, response: info.response };
    },
    close: () => transporter.close(),
  };
}

/**
 * Writes each message as `<time>-<random>.eml`: first to a hidden temp name, then renamed, so the
 * outbox listing never shows half a message.
 */
export function createOutboxTransport(folder: string, dkim?: DkimSigning): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  const signer = dkim ? new DkimSigner(dkim) : undefined;
  return {
    kind: 'outbox',
    async sendMail(mail) {
      const info = await transporter.sendMail(await signedMail(mail, signer));
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${randomBytes(4).toString('hex')}.eml`;
      const temp = join(folder, `.${name}.tmp`);
      // Owner only: the mail holds a customer's address and details.
      writeFileSync(temp, info.message as Buffer, { mode: 0o600 });
      renameSync(temp, join(folder, name));
      return { messageId: info.messageId, response: 'outbox', outboxFile: name };
    },
    close: () => transporter.close(),
  };
}

/**
 * The mail as raw, DKIM-signed bytes when the sender has a key (our own signer, see
 * dkimSigner.ts); a composed mail is built by nodemailer's composer first, its envelope kept.
 */
export async function signedMail(mail: Mail.Options, signer?: DkimSigner): Promise<Mail.Options> {
  if (!signer) return mail;
  if (mail.raw !== undefined) {
    if (!Buffer.isBuffer(mail.raw)) throw new Error('Raw mail must be a Buffer to be signed');
    return { ...mail, raw: signer.sign(mail.raw) };
  }
  const node = new MailComposer(mail).compile();
  const raw = await node.build();
  return {
    envelope: mail.envelope ?? node.getEnvelope(),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    raw: signer.sign(raw),
  };
}
