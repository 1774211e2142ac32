import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DraftSnapshot, MailingDraft } from './mailingDraft';

export const DraftContext = createContext<MailingDraft | null>(null);

/** The open mailing's draft (inside the mailing flow only). */
export function useDraft(): MailingDraft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error('useDraft outside the mailing flow');
  return draft;
}

/** Re-renders when the draft changes; pass a selector to re-render only when that part changes. */
export function useDraftSnapshot(): DraftSnapshot;
export function useDraftSnapshot<T>(select: (snapshot: DraftSnapshot) => T): T;
export function useDraftSnapshot<T>(select?: (snapshot: DraftSnapshot) => T): T | DraftSnapshot {
  const draft = useDraft();
  return useSyncExternalStore(draft.subscribe, () =>
    select ? select(draft.getSnapshot()) : draft.getSnapshot(),
  );
}
