import type { OutgoingMail } from './outgoingMail';
import { SmtpPool } from './smtpPool';
import {
  connectionOptions,
  createOutboxTransport,
  DEFAULT_MAX_CONNECTIONS,
  isSmtpConfigured,
  MAX_MESSAGES_PER_CONNECTION,
  outboxDir,
  type MailTransport,
  type TransportContext,
  type TransportTuning,
} from './transport';

/** Defined beside the pool, which needs it without the messenger (no import cycle). */
export type { OutgoingMail };

/**
 * All the send manager knows about delivery (listmonk's "messenger"): hand over one message, or
 * throw the server's error for the manager to classify.
 */
export interface Messenger {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The send queue's way out, as the settings say now: the SMTP server, or the outbox folder. */
export function queueMessenger(context: TransportContext, tuning: TransportTuning): Messenger {
  const { smtp } = context.settings.read();
  if (!isSmtpConfigured(smtp))
    return transportMessenger(createOutboxTransport(outboxDir(context.dataDir), tuning.dkim));
  const password = context.settings.smtpPassword();
  const pool = new SmtpPool({
    connection: connectionOptions(smtp, tuning),
    ...(smtp.user ? { auth: { user: smtp.user, pass: password } } : {}),
    maxConnections: tuning.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    maxMessages: MAX_MESSAGES_PER_CONNECTION,
    ...(tuning.dkim ? { dkim: tuning.dkim } : {}),
  });
  return { send: (mail) => pool.send(mail), close: () => pool.close() };
}

export function transportMessenger(transport: MailTransport): Messenger {
  return {
    async send(mail) {
      await mail.onWire?.();
      await transport.sendMail({
        envelope: { from: mail.envelopeFrom, to: [mail.to] },
        // With raw bytes nodemailer sends them as they are, but still makes up a Message-ID for
        // its own result (five calls to the system's random generator) unless it is told this one.
        messageId: mail.messageId,
        raw: mail.raw,
      });
    },
    close: () => transport.close(),
  };
}
