import type { ComposerAttachment } from './attachments';

/** What the composer keeps when it unmounts. */
export interface ComposerDraft {
  text: string;
  attachments: readonly ComposerAttachment[];
  /** The message being edited and the draft put aside while editing it. */
  edit: { id: string; stashed: string } | null;
}

// Drafts live with the chat's store (one per chat object), so they die with it: no global state.
const drafts = new WeakMap<object, Map<string, ComposerDraft>>();
const STORAGE_PREFIX = 'natter:draft:';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined; // Access can throw (sandboxed iframes, privacy modes).
  }
}

/** The draft of `owner` (the chat store) under `key`; `sessionStorage` backs keyed drafts. */
export function readDraft(owner: object, key: string | undefined): ComposerDraft | undefined {
  const kept = drafts.get(owner)?.get(key ?? '');
  if (kept || key === undefined) return kept;
  try {
    const raw = storage()?.getItem(STORAGE_PREFIX + key);
    if (!raw) return undefined;
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
    return undefined;
  }
}

/** Keeps (or, when empty, forgets) the draft. Files stay in memory only. */
export function writeDraft(owner: object, key: string | undefined, draft: ComposerDraft): void {
  const empty = draft.text === '' && draft.attachments.length === 0 && draft.edit === null;
  let byKey = drafts.get(owner);
  if (!byKey && !empty) drafts.set(owner, (byKey = new Map()));
  if (empty) byKey?.delete(key ?? '');
  else byKey?.set(key ?? '', draft);
  if (key === undefined) return;
  try {
    if (empty) storage()?.removeItem(STORAGE_PREFIX + key);
    else
      storage()?.setItem(
        STORAGE_PREFIX + key,
        JSON.stringify({ text: draft.text, edit: draft.edit }),
      );
  } catch {
    // Quota or access errors: the in-memory draft still holds it.
  }
}
