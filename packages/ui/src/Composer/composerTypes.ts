import type { ChatEntry, ChatError } from '@natter/core';
import type { ChatHookOptions } from '@natter/hooks';
import type { ComposerAttachment } from './attachments';
import type { ComposerPropGetters } from './useComposerProps';

export interface UseComposerOptions extends ChatHookOptions {
  /**
   * Keeps the draft in `sessionStorage` under this key (text only; files stay in memory). Without
   * it the draft is kept in memory per chat object, so it survives the panel unmounting.
   */
  draftKey?: string;
  /** Sends privately to these participants. */
  peerIds?: string[];
  /** MIME types sent as images (previewed); others go as files. Default core's `CHAT_IMAGE_TYPES`. */
  imageTypes?: readonly string[];
  /** Share of `maxTextLimit` from which the counter shows. Default 0.8. */
  counterThreshold?: number;
  /** Disables the whole composer (textarea, attach and send), e.g. while the meeting reconnects. */
  isDisabled?: boolean;
}

export type ComposerMode = 'compose' | 'edit';
export type ComposerStatus = 'idle' | 'submitting';

export interface UseComposerResult extends ComposerPropGetters {
  text: string;
  setText(text: string): void;
  attachments: readonly ComposerAttachment[];
  addFiles(files: Iterable<File>): void;
  removeAttachment(id: string): void;
  mode: ComposerMode;
  isEditing: boolean;
  /** The message being edited. */
  editingMessage: ChatEntry | undefined;
  startEdit(id: string): boolean;
  cancelEdit(): void;
  /** Edits the local participant's last sent text message; false when there is none. */
  editLastOwnMessage(): boolean;
  status: ComposerStatus;
  isSubmitting: boolean;
  /** Why the last send or edit failed (a `ChatError`: `too-long`, `rate-limited`, ...). */
  error: ChatError | null;
  clearError(): void;
  /** `chat.maxTextLimit`, when the chat has one. */
  limit: number | undefined;
  /** Characters left before the limit (negative when over). */
  remaining: number | undefined;
  /** Whether the counter should show (from `counterThreshold` of the limit). */
  showCounter: boolean;
  isOverLimit: boolean;
  canSubmit: boolean;
  /** The host allows sending to this audience (`peerIds`: privately) at all. */
  canSend: boolean;
  /** ... text (`false` with files allowed: only files). */
  canSendText: boolean;
  /** ... images and files (`false`: no attach button, drops and pastes of files are refused). */
  canSendFiles: boolean;
  /** Sends the attachments, then the text as a caption (or saves the edit). */
  submit(): Promise<void>;
  focus(): void;
}
