import type { ComposerAttachment } from './attachments';

export interface ComposerDraft {
  text: string;
  attachments: readonly ComposerAttachment[];
  /** The message being edited and the draft put aside while editing it. */
  edit: { id: string; stashed: string } | null;
}

/** Every change the composer makes to its draft. */
export type DraftAction =
  | { type: 'text'; text: string }
  | { type: 'attach'; attachments: readonly ComposerAttachment[] }
  | { type: 'remove'; id: string }
  /** Put a sent text message in the box; the draft is put aside until the edit ends. */
  | { type: 'startEdit'; id: string; text: string }
  /**
   * The edit ends (cancelled, saved, or the message was deleted): the put-aside draft comes
   * back. With `id`, only if that message is still the one under edit (a save that lands late).
   */
  | { type: 'endEdit'; id?: string }
  /**
   * A send went out: the text goes if it was sent and not changed since; the attachments that
   * were sent go, the refused (`left`) and newly added ones stay.
   */
  | {
      type: 'sent';
      text: string;
      textSent: boolean;
      attachments: readonly ComposerAttachment[];
      left: readonly ComposerAttachment[];
    };

/** The composer's draft state machine: pure, so every transition is testable on its own. */
export function draftReducer(draft: ComposerDraft, action: DraftAction): ComposerDraft {
  switch (action.type) {
    case 'text':
      return draft.text === action.text ? draft : { ...draft, text: action.text };
    case 'attach':
      return action.attachments.length === 0
        ? draft
        : { ...draft, attachments: [...draft.attachments, ...action.attachments] };
    case 'remove':
      return { ...draft, attachments: draft.attachments.filter((a) => a.id !== action.id) };
    case 'startEdit':
      return {
        ...draft,
        text: action.text,
        edit: { id: action.id, stashed: draft.edit ? draft.edit.stashed : draft.text },
      };
    case 'endEdit':
      return draft.edit && (action.id === undefined || action.id === draft.edit.id)
        ? { ...draft, text: draft.edit.stashed, edit: null }
        : draft;
    case 'sent':
      return {
        ...draft,
        text: action.textSent && draft.text === action.text ? '' : draft.text,
        attachments: draft.attachments.filter(
          (a) => action.left.includes(a) || !action.attachments.includes(a),
        ),
      };
  }
}
