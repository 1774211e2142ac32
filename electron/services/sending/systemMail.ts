import { DomainError } from '../../contract';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';
import { newMessageId } from '../render/mime';
import { dkimSigningFor } from '../senders/dkim';
import { isValidEmail } from '../suppression/email';
import { createMailTransport, type TransportContext } from './transport';
import { describeSmtpError } from './smtpErrors';

export interface SystemMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Defaults to the shop's e-mail address, else the first sender identity, else `to` itself. */
  from?: { name: string; email: string };
}

export interface SystemMailResult {
  messageId: string;
  /** Set when no SMTP server is configured and the mail went to the outbox folder. */
  outboxFile?: string;
}

/**
 * One-off mails the app sends on its own behalf — sender verification codes, re-subscription
 * confirmations. They cost no credits, are not tracked and do not go through the send queue; a
 * failure is thrown as a DomainError with a plain-language key (sending:smtp.*).
 */
export async function sendSystemMail(
  context: TransportContext & { kv: KeyValueStore; cipher: SecretCipher },
  mail: SystemMail,
): Promise<SystemMailResult> {
  if (!isValidEmail(mail.to)) {
    throw new DomainError('invalid_input', `Invalid address ${mail.to}`, 'common:errors.email');
  }
  const from = mail.from ?? defaultFrom(context, mail.to);
  const messageId = newMessageId(from.email);
  // Signed like every mail from this domain: a verification code must not land in spam.
  const dkim = dkimSigningFor(context.kv, context.cipher, from.email);
  const transport = createMailTransport(context, dkim ? { dkim } : {});
  try {
    const info = await transport.sendMail({
      // nodemailer encodes the name itself, as a whole encoded word (RFC 2047 §5), never in quotes.
      from: { name: from.name, address: from.email },
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { messageId, ...(info.outboxFile ? { outboxFile: info.outboxFile } : {}) };
  } catch (error) {
    const problem = describeSmtpError(error);
    throw new DomainError('unavailable', `System mail failed: ${problem.detail}`, problem.key, {
      detail: problem.detail,
    });
  } finally {
    transport.close();
  }
}

function defaultFrom(context: TransportContext, to: string): { name: string; email: string } {
  const settings = context.settings.read();
  if (settings.shop.email) return { name: settings.shop.name, email: settings.shop.email };
  const sender = settings.senders[0];
  if (sender) return { name: sender.name, email: sender.email };
  return { name: settings.shop.name, email: to };
}
