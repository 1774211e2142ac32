import { api, ApiError } from '../api';
import type { Block, Mailing, MailingDocument, MailingPatch } from './mailingTypes';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface DraftSnapshot {
  mailing: Mailing;
  saveState: SaveState;
  /** The last failure, kept until a save succeeds. */
  error: unknown;
}

/** Lexical's EditorState, seen only as "something that serializes" so this file stays Lexical-free. */
export interface Serializable {
  toJSON(): unknown;
}

/** Waits this long after the last change before saving: typing never waits for the disk. */
export const SAVE_DELAY_MS = 700;
const RETRY_DELAYS_MS = [1000, 3000, 10_000, 30_000];
const BACKUP_PREFIX = 'winkelpost.unsaved.';

type Listener = () => void;
type Saver = (id: string, patch: MailingPatch) => Promise<Mailing>;

const defaultSaver: Saver = (id, patch) => api.call('mailings.update', { id, patch });

/**
 * One open mailing with its unsaved changes. Every change lands here first and is saved after a
 * short pause, one save at a time; a failed save keeps the change, shows the error and tries again.
 * Rich text is kept as the editor's own state and turned into JSON only when saving, so a
 * keystroke costs a timer reset, not a serialization of the whole mailing.
 */
export class MailingDraft {
  private snapshot: DraftSnapshot;
  private readonly listeners = new Set<Listener>();
  private pending: MailingPatch = {};
  /** blockId → (field path inside data → editor state) not yet folded into the document. */
  private readonly richText = new Map<string, Map<string, Serializable>>();
  private documentDirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempts = 0;
  /** Counts saves sent (the benchmark checks typing does not save per keystroke). */
  saveCalls = 0;

  constructor(
    mailing: Mailing,
    private readonly save: Saver = defaultSaver,
    private readonly storage: Storage | null = typeof window === 'undefined'
      ? null
      : window.localStorage,
  ) {
    this.snapshot = { mailing, saveState: 'saved', error: null };
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftSnapshot => this.snapshot;

  get id(): string {
    return this.snapshot.mailing.id;
  }

  /** Subject, top line, sender, reply-to. */
  setFields(fields: Omit<MailingPatch, 'document'>): void {
    this.pending = { ...this.pending, ...fields };
    this.publish({ mailing: { ...this.snapshot.mailing, ...fields } }, true);
    this.schedule();
  }

  /** A new document (blocks added, moved, removed, settings changed): the editor re-renders. */
  setDocument(document: MailingDocument): void {
    this.documentDirty = true;
    this.publish({ mailing: { ...this.snapshot.mailing, document } }, true);
    this.schedule();
  }

  /** The current document with every pending rich text folded in (call before changing blocks). */
  currentDocument(): MailingDocument {
    if (this.richText.size === 0) return this.snapshot.mailing.document;
    const blocks = this.snapshot.mailing.document.blocks.map((block) => {
      const fields = this.richText.get(block.id);
      if (!fields) return block;
      let data: Record<string, unknown> = { ...block.data };
      for (const [path, state] of fields) data = setPath(data, path.split('.'), state.toJSON());
      return { ...block, data } as Block;
    });
    this.richText.clear();
    const document = { ...this.snapshot.mailing.document, blocks };
    this.snapshot = { ...this.snapshot, mailing: { ...this.snapshot.mailing, document } };
    return document;
  }

  /** A keystroke in a text block: remember the state, reset the save timer, nothing else. */
  setRichText(blockId: string, path: string, state: Serializable): void {
    let fields = this.richText.get(blockId);
    if (!fields) this.richText.set(blockId, (fields = new Map()));
    fields.set(path, state);
    this.documentDirty = true;
    if (this.snapshot.saveState !== 'pending') this.publish({}, true);
    this.schedule();
  }

  hasUnsavedChanges(): boolean {
    return this.documentDirty || Object.keys(this.pending).length > 0 || this.inFlight !== null;
  }

  /** Saves now (blur, leaving the step, closing the window). Resolves when everything is saved or failed. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.documentDirty && Object.keys(this.pending).length === 0) return;
    const patch: MailingPatch = { ...this.pending };
    if (this.documentDirty) patch.document = this.currentDocument();
    this.pending = {};
    this.documentDirty = false;
    this.publish({ saveState: 'saving' });
    this.saveCalls += 1;
    this.inFlight = this.save(this.id, patch)
      .then((saved) => {
        this.attempts = 0;
        this.clearBackup();
        // Keep the local content (it may have moved on while saving); take the server's bookkeeping.
        const local = this.snapshot.mailing;
        const mailing: Mailing = {
          ...saved,
          subject: local.subject,
          topLine: local.topLine,
          from: local.from,
          replyTo: local.replyTo,
          document: local.document,
        };
        const dirty = this.hasPendingChanges();
        this.publish({ mailing, saveState: dirty ? 'pending' : 'saved', error: null });
      })
      .catch((error: unknown) => {
        // Nothing is lost: the patch goes back under whatever changed since.
        this.pending = { ...patch, ...this.pending };
        if (patch.document) this.documentDirty = true;
        this.writeBackup();
        this.publish({ saveState: 'error', error });
        this.retryLater(error);
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
    if (this.hasPendingChanges() && this.snapshot.saveState !== 'error') this.schedule();
  }

  /** Synchronous last resort when the window goes away: the unsaved change survives in storage. */
  writeBackup(): void {
    if (!this.storage || !this.hasPendingChanges()) return;
    const patch: MailingPatch = { ...this.pending };
    if (this.documentDirty) patch.document = this.currentDocument();
    try {
      this.storage.setItem(BACKUP_PREFIX + this.id, JSON.stringify({ at: Date.now(), patch }));
    } catch {
      // Storage full or unavailable: the save itself is still being tried.
    }
  }

  /** After opening: re-applies a change that was not saved when the window closed. */
  restoreBackup(): boolean {
    const raw = this.storage?.getItem(BACKUP_PREFIX + this.id);
    if (!raw) return false;
    try {
      const { patch } = JSON.parse(raw) as { patch: MailingPatch };
      const { document, ...fields } = patch;
      if (Object.keys(fields).length > 0) this.setFields(fields);
      if (document) this.setDocument(document as MailingDocument);
      return true;
    } catch {
      this.clearBackup();
      return false;
    }
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private hasPendingChanges(): boolean {
    return this.documentDirty || Object.keys(this.pending).length > 0;
  }

  private retryLater(error: unknown): void {
    // Invalid input will not get better by waiting; the next edit tries again.
    if (error instanceof ApiError && error.code === 'invalid_input') return;
    const delay = RETRY_DELAYS_MS[Math.min(this.attempts, RETRY_DELAYS_MS.length - 1)]!;
    this.attempts += 1;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private clearBackup(): void {
    this.storage?.removeItem(BACKUP_PREFIX + this.id);
  }

  private publish(change: Partial<DraftSnapshot>, markPending = false): void {
    const saveState =
      markPending && this.snapshot.saveState !== 'saving' ? 'pending' : this.snapshot.saveState;
    this.snapshot = { ...this.snapshot, saveState, ...change };
    for (const listener of this.listeners) listener();
  }
}

function setPath(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  if (rest.length === 0) return { ...target, [head]: value };
  const child = (target[head] ?? {}) as Record<string, unknown>;
  return { ...target, [head]: setPath(child, rest, value) };
}
