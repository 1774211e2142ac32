import type Database from 'better-sqlite3';
import type { SendStatusT } from '../../contract/sending';
import { compileStoredMailing } from '../mailings/renderInput';
import type { CompileImage, CompiledMailing } from '../render';
import { renderWebVersion } from '../render/webVersion';
import { hostImages, linkedTracker, type LinkedTracker } from './hostedImages';
import { compiledOfSnapshot, snapshotOfMailing, type SnapshotDeps } from './snapshots';
import { webVersionStoreOf } from './webVersionStore';

/** How long a send start waits for the upload before the queue goes ahead without it. */
const START_WAIT_MS = 20_000;
/**
 * Retries happen after successful syncs only (the tracker answers), so this many failures mean
 * the tracker refuses this upload itself (too large, say): stop asking every five minutes. A new
 * send of the mailing starts counting again.
 */
export const MAX_UPLOAD_ATTEMPTS = 24;

/** Where the mailing's web version stands, for the send's status (see SendStatus.webVersion). */
export function webVersionState(
  sqlite: Database.Database,
  mailingId: string,
): SendStatusT['webVersion'] {
  const row = webVersionStoreOf(sqlite).row(mailingId);
  if (!row) return { state: 'none', detail: null };
  if (row.uploadedAt !== null) return { state: 'online', detail: null };
  const state = row.attempts >= MAX_UPLOAD_ATTEMPTS ? 'refused' : 'pending';
  return { state, detail: row.lastError };
}

/**
 * Every sent mail links to its web version at the tracker ("Online versie"), so the tracker must
 * host it: uploaded when a send starts, with its images as tracker-hosted assets. The send never
 * waits for it to succeed (credits are reserved, mail may go out offline): a failed upload stays
 * pending in web_versions and is tried again after each successful sync until it is there.
 */
export class WebVersionPublisher {
  private readonly running = new Map<string, Promise<boolean>>();

  constructor(
    private readonly context: SnapshotDeps,
    /** The tracker API as the account link allows; null when the app is not linked. */
    private readonly tracker: () => LinkedTracker | null = () => linkedTracker(context),
  ) {}

  /**
   * At send start: (re)marks the mailing as needing an upload, then tries once. Never throws, and
   * waits at most `waitMs`: a slow tracker finishes the upload while the first mails go out.
   */
  async publishForSend(mailingId: string, waitMs = START_WAIT_MS): Promise<boolean> {
    this.store().request(mailingId, this.context.clock.now());
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs);
      timer.unref();
    });
    try {
      return await Promise.race([this.publish(mailingId), gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Tries every upload still pending (after a sync: the tracker answers again). */
  async retryPending(): Promise<void> {
    for (const mailingId of this.store().pending(MAX_UPLOAD_ATTEMPTS)) {
      await this.publish(mailingId);
    }
  }

  isUploaded(mailingId: string): boolean {
    return this.store().row(mailingId)?.uploadedAt != null;
  }

  private store() {
    return webVersionStoreOf(this.context.database.sqlite);
  }

  /** One upload per mailing at a time: a retry during the start's own attempt joins it. */
  private publish(mailingId: string): Promise<boolean> {
    const running = this.running.get(mailingId);
    if (running) return running;
    const attempt = this.upload(mailingId).finally(() => this.running.delete(mailingId));
    this.running.set(mailingId, attempt);
    return attempt;
  }

  /**
   * What the page shows: the send snapshot once the mailing was sent (never a recompile), else
   * (a test mail's web version) the mailing as it is now. Untracked either way: links as
   * written, no pixel, no link to the web version itself.
   */
  private async content(mailingId: string): Promise<CompiledMailing> {
    const snapshot = await snapshotOfMailing(this.context, mailingId);
    if (snapshot) return compiledOfSnapshot(this.context, snapshot, null);
    const mailing = this.context.mailings.get(mailingId);
    return (await compileStoredMailing(this.context, mailing, { tracking: null })).compiled;
  }

  private async upload(mailingId: string): Promise<boolean> {
    const { context } = this;
    const store = this.store();
    const startedAt = context.clock.now();
    try {
      const tracker = this.tracker();
      if (!tracker) throw new Error('the app is not linked to a tracker account');
      const compiled = await this.content(mailingId);
      // Images the send hosted keep their URL; others (inline in the mails) are uploaded now.
      const sources = [...compiled.imageSources.values()];
      const hosted = await hostImages(
        tracker,
        sources.filter((s) => s.hostedUrl === undefined).map((s) => s.image),
      );
      const urls = new Map(sources.map((s) => [s.image.sha256, s.hostedUrl]));
      const html = renderWebVersion(
        compiled,
        (image: CompileImage) => urls.get(image.sha256) ?? hosted.get(image.sha256),
      );
      await tracker.client.putWebVersion(mailingId, html);
      store.uploaded(mailingId, context.clock.now(), startedAt);
      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      context.logger.warn(
        `web version of mailing ${mailingId} not uploaded (retried later)`,
        error,
      );
      try {
        store.failed(mailingId, startedAt, detail.slice(0, 500));
      } catch {
        // The app is closing (database shut): the row stays pending for the next run.
      }
      return false;
    }
  }
}
