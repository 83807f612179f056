import { draftReducer } from './draftReducer';
import type { ComposerDraft, DraftAction } from './draftReducer';

export type { ComposerDraft };

/** What the composer holds: kept per chat (and key) while it is unmounted. */

export const EMPTY_DRAFT: ComposerDraft = { text: '', attachments: [], edit: null };

// The drafts are a small external store (read with useSyncExternalStore): the composer shows the
// draft of its chat and key, so switching chats needs no state copy. They live with the chat's
// store (one per chat object), so they die with it: no global state to leak between tests.
const drafts = new WeakMap<object, Map<string, ComposerDraft>>();
const listeners = new Set<() => void>();
const STORAGE_PREFIX = 'natter:draft:';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined; // Access can throw (sandboxed iframes, privacy modes).
  }
}

/** A keyed draft from `sessionStorage` (text and edit only; files stay in memory). */
function readStored(key: string): ComposerDraft {
  try {
    const raw = storage()?.getItem(STORAGE_PREFIX + key);
    if (!raw) return EMPTY_DRAFT;
    const parsed = JSON.parse(raw) as Partial<ComposerDraft>;
    const edit = parsed.edit;
    return {
      text: typeof parsed.text === 'string' ? parsed.text : '',
      attachments: [],
      edit:
        edit && typeof edit.id === 'string' && typeof edit.stashed === 'string'
          ? { id: edit.id, stashed: edit.stashed }
          : null,
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

function byKeyOf(owner: object): Map<string, ComposerDraft> {
  let byKey = drafts.get(owner);
  if (!byKey) drafts.set(owner, (byKey = new Map()));
  return byKey;
}

/**
 * The draft of `owner` (the chat store) under `key`: the same object until it changes, as
 * `useSyncExternalStore` needs. A keyed draft is read from `sessionStorage` once.
 */
export function getDraft(owner: object, key: string | undefined): ComposerDraft {
  const byKey = byKeyOf(owner);
  let draft = byKey.get(key ?? '');
  if (draft === undefined) {
    draft = key === undefined ? EMPTY_DRAFT : readStored(key);
    byKey.set(key ?? '', draft);
  }
  return draft;
}

/** Replaces the draft (an empty one is forgotten in `sessionStorage`) and tells the composers. */
export function setDraft(owner: object, key: string | undefined, draft: ComposerDraft): void {
  const byKey = byKeyOf(owner);
  if (byKey.get(key ?? '') === draft) return;
  byKey.set(key ?? '', draft);
  if (key !== undefined) {
    try {
      if (draft.text === '' && draft.edit === null) storage()?.removeItem(STORAGE_PREFIX + key);
      else
        storage()?.setItem(
          STORAGE_PREFIX + key,
          JSON.stringify({ text: draft.text, edit: draft.edit }),
        );
    } catch {
      // Quota or access errors: the in-memory draft still holds it.
    }
  }
  listeners.forEach((listener) => listener());
}

/** Calls `listener` after any draft changes; returns the unsubscribe function. */
export function subscribeDrafts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies one change (see `draftReducer`) to the current draft of `owner` under `key`. */
export function updateDraft(owner: object, key: string | undefined, action: DraftAction): void {
  setDraft(owner, key, draftReducer(getDraft(owner, key), action));
}
