import { toChatError } from '@natter/core';
import type { ChatError, ChatStore } from '@natter/core';
import { getDraft, updateDraft } from './composerDrafts';
import type { ComposerDraft } from './composerDrafts';
import { sendAll } from './sendAll';

/**
 * Saves the edit in the draft, or sends its attachments and then the text as a caption. The
 * draft then loses what the store took (refused attachments and a changed text stay), and a
 * send that fails later is still reported through `setError`.
 */
export async function submitDraft(
  /** The chat and draft key the draft belongs to (kept even if the composer switches chats). */
  store: ChatStore,
  draftKey: string | undefined,
  /** The draft as it was when submitted, and its text as it is sent (normalised). */
  draft: ComposerDraft,
  text: string,
  peerIds: string[] | undefined,
  setError: (error: ChatError | null) => void,
  /** Where the caret goes when the edit ends and the put-aside draft comes back. */
  placeCaret: (at: number) => void,
): Promise<void> {
  if (draft.edit) {
    const { id, stashed } = draft.edit;
    try {
      await store.edit(id, text);
      if (getDraft(store, draftKey).edit?.id === id) placeCaret(stashed.length);
      updateDraft(store, draftKey, { type: 'endEdit', id });
    } catch (caught) {
      setError(toChatError(caught));
    }
    return;
  }
  const result = sendAll(store, draft.attachments, text, { peerIds });
  // Accepted sends that fail later stay in the list as failed (retryable); say so here too.
  for (const started of result.started) {
    started.catch((caught: unknown) => setError(toChatError(caught)));
  }
  updateDraft(store, draftKey, {
    type: 'sent',
    text: draft.text,
    textSent: result.textSent,
    attachments: draft.attachments,
    left: result.left,
  });
  setError(result.error);
}
