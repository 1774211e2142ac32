import nodemailer from 'nodemailer';
import { describeSmtpError } from '../sending/smtpErrors';
import { isSmtpConfigured, smtpOptions, type SmtpServerSettings } from '../sending/transport';

export interface SmtpTestOutcome {
  ok: boolean;
  key: string;
  kind: string | null;
  detail: string | null;
}

/**
 * "Verbinding testen": connect, greet, (STARTTLS), log in, and say in plain words what failed.
 * Short timeouts: a blocked port should answer within seconds, not a minute.
 */
export async function testSmtpConnection(
  smtp: SmtpServerSettings,
  password: string,
  timeoutMs = 10_000,
): Promise<SmtpTestOutcome> {
  if (!isSmtpConfigured(smtp)) {
    return { ok: true, key: 'sending:smtp.outbox', kind: null, detail: null };
  }
  const transporter = nodemailer.createTransport(
    smtpOptions(smtp, password, {
      connectionTimeoutMs: timeoutMs,
      greetingTimeoutMs: timeoutMs,
      socketTimeoutMs: timeoutMs,
    }),
  );
  try {
    await transporter.verify();
    return { ok: true, key: 'sending:smtp.ok', kind: null, detail: null };
  } catch (error) {
    const problem = describeSmtpError(error);
    return { ok: false, key: problem.key, kind: problem.kind, detail: problem.detail };
  } finally {
    transporter.close();
  }
}
