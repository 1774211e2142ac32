import type { ImapFlow } from 'imapflow';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { BounceMailboxConfig } from './bounceSettings';

/**
 * Where processed messages go: never deleted, so the shopkeeper can always look them up. The
 * folder carries the product's name as the shop knows it (Winkelpost/verwerkt, Kassapost/verwerkt);
 * characters that IMAP servers use as hierarchy delimiters are left out of that name.
 */
export function processedFolder(productName: string): string[] {
  const name =
    productName
      .replace(/[/\\.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Winkelpost';
  return [name, 'verwerkt'];
}
/** Set on messages that are not bounces (a customer's reply): left unread, not read again. */
export const NOT_A_BOUNCE_FLAG = '$WinkelpostGeenBounce';

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

export interface FetchedMessage {
  uid: number;
  source: Buffer;
  receivedAt: number | null;
}

/** One IMAP session on the bounce mailbox (imapflow), with the few operations the poller needs. */
export class BounceMailbox {
  private constructor(
    private readonly client: ImapFlow,
    private readonly processed: string[],
  ) {}

  static async open(config: BounceMailboxConfig, productName: string): Promise<BounceMailbox> {
    // Loaded when a bounce mailbox is opened, not at app start (~12 MB of memory).
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: config.host,
      port: config.port,
      secure: config.security === 'tls',
      doSTARTTLS:
        config.security === 'starttls' ? true : config.security === 'none' ? false : undefined,
      auth: { user: config.user, pass: config.password },
      logger: false,
      disableAutoIdle: true,
      ...TIMEOUTS,
    });
    // A dropped connection must not become an unhandled 'error' event that ends the process.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      client.close();
      throw connectionError(error);
    }
    return new BounceMailbox(client, processedFolder(productName));
  }

  /** Creates <product>/verwerkt (with the server's own delimiter and namespace) if it is missing. */
  async ensureProcessedFolder(): Promise<string> {
    const created = await this.client.mailboxCreate(this.processed);
    return created.path;
  }

  /** For the connection test: unread messages and where processed ones would go, changing nothing. */
  async describe(): Promise<{ unseen: number; processedFolder: string }> {
    const folders = await this.client.list();
    const inbox = folders.find((f) => f.path.toUpperCase() === 'INBOX');
    const delimiter = inbox?.delimiter ?? folders[0]?.delimiter ?? '/';
    const prefix = this.client.namespace?.prefix ?? '';
    const status = await this.client.status('INBOX', { unseen: true });
    return {
      unseen: (status && status.unseen) || 0,
      processedFolder: prefix + this.processed.join(delimiter),
    };
  }

  async unseenUids(limit: number): Promise<number[]> {
    const lock = await this.client.getMailboxLock('INBOX');
    try {
      const uids = await this.client.search(
        { seen: false, unKeyword: NOT_A_BOUNCE_FLAG },
        { uid: true },
      );
      return (uids || []).sort((a, b) => a - b).slice(0, limit);
    } finally {
      lock.release();
    }
  }

  async *fetch(uids: number[]): AsyncGenerator<FetchedMessage> {
    if (uids.length === 0) return;
    const lock = await this.client.getMailboxLock('INBOX');
    try {
      const messages = await this.client.fetchAll(
        uids,
        { uid: true, source: true, internalDate: true },
        { uid: true },
      );
      for (const message of messages) {
        if (!message.source) continue;
        const date = message.internalDate ? new Date(message.internalDate).getTime() : NaN;
        yield {
          uid: message.uid,
          source: message.source,
          receivedAt: Number.isNaN(date) ? null : date,
        };
      }
    } finally {
      lock.release();
    }
  }

  /** Marks processed messages read and moves them out of the inbox. */
  async moveProcessed(uids: number[], folder: string): Promise<void> {
    if (uids.length === 0) return;
    const lock = await this.client.getMailboxLock('INBOX');
    try {
      await this.client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
      await this.client.messageMove(uids, folder, { uid: true });
    } finally {
      lock.release();
    }
  }

  /** Leaves non-bounces where they are, unread, but flagged so the next poll skips them. */
  async markNotBounce(uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    const lock = await this.client.getMailboxLock('INBOX');
    try {
      await this.client.messageFlagsAdd(uids, [NOT_A_BOUNCE_FLAG], { uid: true });
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.logout();
    } catch {
      this.client.close();
    }
  }

  /** Ends the session at once (the app is closing). */
  abort(): void {
    this.client.close();
  }
}

/** imapflow's errors → a message the shopkeeper can act on. */
export function connectionError(error: unknown): DomainError {
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string };
  const detail = e.message ?? String(error);
  if (e.authenticationFailed) {
    return new DomainError(
      ERROR_CODES.unavailable,
      `Login refused: ${detail}`,
      'bounces:errors.auth',
    );
  }
  const code = e.code ?? '';
  if (/TLS|CERT|SSL|SELF_SIGNED/i.test(code) || /certificate|tls|ssl/i.test(detail)) {
    return new DomainError(
      ERROR_CODES.unavailable,
      `Secure connection failed: ${detail}`,
      'bounces:errors.tls',
    );
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|TIMEOUT/i.test(code)) {
    return new DomainError(
      ERROR_CODES.unavailable,
      `Cannot reach the mail server: ${detail}`,
      'bounces:errors.connect',
    );
  }
  return new DomainError(
    ERROR_CODES.unavailable,
    `The mail server answered: ${detail}`,
    'bounces:errors.imap',
  );
}
