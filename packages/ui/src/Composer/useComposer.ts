'use client';
import {
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { CHAT_IMAGE_TYPES, ChatError, toChatError } from '@natter/core';
import type { ChatEntry, ChatStore } from '@natter/core';
import {
  useChatPermissions,
  useChatSelector,
  useChatStore,
  useMessage,
  useSelfUserId,
} from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';
import { toAttachments } from './attachments';
import type { ComposerAttachment } from './attachments';
import { ComposerContext } from './ComposerContext';
import { readDraft, writeDraft } from './composerDrafts';
import type { ComposerDraft } from './composerDrafts';
import { useComposerProps } from './useComposerProps';
import type { ComposerPropGetters } from './useComposerProps';
import { sendAll } from './sendAll';
import { useStrings } from '../strings';

export interface UseComposerOptions extends ChatHookOptions {
  /**
   * Keeps the draft in `sessionStorage` under this key (text only; files stay in memory). Without
   * it the draft is kept in memory per chat object, so it survives the panel unmounting.
   */
  draftKey?: string;
  /** The local participant; defaults to the `ChatProvider`'s `selfUserId`. Up edits their last text. */
  selfUserId?: string;
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

const EMPTY: ComposerDraft = { text: '', attachments: [], edit: null };

/** Leading blank lines and trailing whitespace are not sent. */
const normalise = (text: string) => text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();

function lastOwnTextId(store: ChatStore, selfUserId: string | undefined): string | undefined {
  if (selfUserId === undefined) return undefined;
  const state = store.getState();
  const ids = state.byUser.get(selfUserId);
  if (!ids) return undefined;
  for (let i = ids.length - 1; i >= 0; i--) {
    const entry = state.byId.get(ids.at(i) ?? '');
    if (entry?.type === 'text' && entry.status === 'sent') return entry.id;
  }
  return undefined;
}

/**
 * Everything a composer does, for your own markup: text, attachments, editing, drafts, validation
 * feedback and the keyboard (Enter sends, Shift+Enter adds a line, Up edits your last message,
 * Esc cancels), returned as state plus prop getters.
 *
 * @example
 * ```tsx
 * const composer = useComposer()
 * <form {...composer.getFormProps()}>
 *   <label htmlFor={composer.ids.textarea}>Message</label>
 *   <textarea {...composer.getTextareaProps()} />
 *   <div {...composer.getErrorProps()}>{composer.error?.message}</div>
 *   <button {...composer.getSubmitButtonProps()}>Send</button>
 * </form>
 * ```
 */
export function useComposer(options: UseComposerOptions = {}): UseComposerResult {
  const store = useChatStore(options);
  const {
    draftKey,
    peerIds,
    imageTypes = CHAT_IMAGE_TYPES,
    counterThreshold = 0.8,
    isDisabled = false,
  } = options;
  const { strings } = useStrings();
  const audience = peerIds && peerIds.length > 0 ? 'private' : 'everyone';
  const permissions = useChatPermissions();
  const canSend = permissions.canSend(audience);
  const canSendText = permissions.canSendText(audience);
  const canSendFiles = permissions.canSendFiles(audience);
  const blocked = isDisabled || !canSend;
  const contextSelf = useSelfUserId();
  const selfUserId = options.selfUserId ?? contextSelf;
  const [owner, setOwner] = useState<{ store: ChatStore; key: string | undefined }>({
    store,
    key: draftKey,
  });
  const [draft, setDraft] = useState<ComposerDraft>(() => readDraft(store, draftKey) ?? EMPTY);
  if (owner.store !== store || owner.key !== draftKey) {
    // Another chat (or key): show its draft. The old one was saved by the effect below.
    setOwner({ store, key: draftKey });
    setDraft(readDraft(store, draftKey) ?? EMPTY);
  }
  const [error, setError] = useState<ChatError | null>(null);
  const [status, setStatus] = useState<ComposerStatus>('idle');
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const fileInputRef = useRef<HTMLInputElement | null>(null);
  const caret = useRef<number | null>(null);
  const mounted = useRef(true);
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const busy = useRef(false);
  const baseId = useId();
  const chatStatus = useChatSelector(store, (s) => s.status);
  const editingMessage = useMessage({ id: draft.edit?.id ?? '', store });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => writeDraft(owner.store, owner.key, draft), [owner, draft]);

  // Put the caret where a programmatic change wants it (end of an edit, after a paste).
  useEffect(() => {
    const el = textareaRef.current;
    const at = caret.current;
    if (!el || at === null) return;
    caret.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  }, [draft]);

  const setText = useCallback((text: string) => {
    setDraft((d) => (d.text === text ? d : { ...d, text }));
    setError(null);
  }, []);

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      const added = toAttachments(files, imageTypes);
      if (added.length === 0) return;
      if (!canSendFiles) {
        setError(new ChatError('forbidden', strings.filesOff));
        return;
      }
      setDraft((d) => ({ ...d, attachments: [...d.attachments, ...added] }));
    },
    [imageTypes, canSendFiles, strings.filesOff],
  );

  const removeAttachment = useCallback((id: string) => {
    setDraft((d) => ({ ...d, attachments: d.attachments.filter((a) => a.id !== id) }));
  }, []);

  const startEdit = useCallback(
    (id: string) => {
      const entry = store.getState().byId.get(id);
      if (!entry || entry.type !== 'text' || entry.status !== 'sent') return false;
      const current = draftRef.current;
      caret.current = entry.message.length;
      setDraft({
        ...current,
        text: entry.message,
        edit: { id, stashed: current.edit ? current.edit.stashed : current.text },
      });
      setError(null);
      return true;
    },
    [store],
  );

  const cancelEdit = useCallback(() => {
    const current = draftRef.current;
    if (!current.edit) return;
    caret.current = current.edit.stashed.length;
    setDraft({ ...current, text: current.edit.stashed, edit: null });
    setError(null);
  }, []);

  const editLastOwnMessage = useCallback(() => {
    const id = lastOwnTextId(store, selfUserId);
    return id === undefined ? false : startEdit(id);
  }, [store, selfUserId, startEdit]);

  // The message under edit was deleted (by someone else): give the draft back and say why.
  if (draft.edit !== null && editingMessage === undefined && chatStatus === 'ready') {
    setDraft({ ...draft, text: draft.edit.stashed, edit: null });
    setError(new ChatError('not-found', 'The message you were editing was deleted.'));
  }

  const submit = useCallback(async () => {
    const current = draftRef.current;
    if (busy.current || blocked) return;
    const text = normalise(current.text);
    if (
      (current.attachments.length > 0 && !canSendFiles && !current.edit) ||
      (text && !canSendText)
    ) {
      setError(new ChatError('forbidden', canSendFiles ? strings.textOff : strings.filesOff));
      return;
    }
    if (current.edit) {
      const { id, stashed } = current.edit;
      busy.current = true;
      setStatus('submitting');
      setError(null);
      try {
        await store.edit(id, text);
        if (mounted.current && draftRef.current.edit?.id === id) {
          caret.current = stashed.length;
          setDraft((d) => ({ ...d, text: stashed, edit: null }));
        }
      } catch (caught) {
        if (mounted.current) setError(toChatError(caught));
      } finally {
        busy.current = false;
        if (mounted.current) setStatus('idle');
      }
      return;
    }
    if (text === '' && current.attachments.length === 0) return;
    busy.current = true;
    setStatus('submitting');
    setError(null);
    try {
      const result = sendAll(store, current.attachments, text, peerIds ? { peerIds } : {});
      for (const started of result.started) {
        // Accepted sends that fail later stay in the list as failed (retryable); say so here too.
        started.catch((caught: unknown) => {
          if (mounted.current) setError(toChatError(caught));
        });
      }
      if (!mounted.current) return;
      setDraft((d) => ({
        ...d,
        text: result.textSent && d.text === current.text ? '' : d.text,
        attachments: d.attachments.filter(
          (a) => result.left.includes(a) || !current.attachments.includes(a),
        ),
      }));
      setError(result.error);
    } finally {
      busy.current = false;
      if (mounted.current) setStatus('idle');
    }
  }, [store, peerIds, blocked, canSendFiles, canSendText, strings]);

  const focus = useCallback(() => textareaRef.current?.focus(), []);

  // Let message actions and drop zones reach this composer.
  const controllerRef = useContext(ComposerContext);
  useEffect(() => {
    if (!controllerRef) return undefined;
    const controller = { startEdit, addFiles, focus };
    controllerRef.current = controller;
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [controllerRef, startEdit, addFiles, focus]);

  const limitValue = store.chat.maxTextLimit;
  const limit = typeof limitValue === 'number' && limitValue > 0 ? limitValue : undefined;
  const length = draft.text.length;
  const remaining = limit === undefined ? undefined : limit - length;
  const showCounter = limit !== undefined && length >= Math.floor(limit * counterThreshold);
  const isOverLimit = remaining !== undefined && remaining < 0;
  const isEditing = draft.edit !== null;
  const isSubmitting = status === 'submitting';
  const hasContent = draft.text.trim() !== '' || (!isEditing && draft.attachments.length > 0);
  const canSubmit = !blocked && !isSubmitting && hasContent;

  const ids = useMemo(
    () => ({
      form: `${baseId}-form`,
      textarea: `${baseId}-text`,
      hint: `${baseId}-hint`,
      counter: `${baseId}-counter`,
      error: `${baseId}-error`,
      editing: `${baseId}-editing`,
      attachments: `${baseId}-attachments`,
    }),
    [baseId],
  );

  const getters = useComposerProps({
    ids,
    text: draft.text,
    setText,
    caret,
    textareaRef,
    fileInputRef,
    submit,
    addFiles,
    removeAttachment,
    cancelEdit,
    editLastOwnMessage,
    clearError: () => setError(null),
    hasError: error !== null,
    isEditing,
    isEmpty: draft.text === '' && draft.attachments.length === 0,
    isSubmitting,
    isDisabled: blocked,
    isTextDisabled: !canSendText && !isEditing,
    isOverLimit,
    showCounter,
    canSubmit,
  });

  return {
    ...getters,
    text: draft.text,
    setText,
    attachments: draft.attachments,
    addFiles,
    removeAttachment,
    mode: isEditing ? 'edit' : 'compose',
    isEditing,
    editingMessage: isEditing ? editingMessage : undefined,
    startEdit,
    cancelEdit,
    editLastOwnMessage,
    status,
    isSubmitting,
    error,
    clearError: () => setError(null),
    limit,
    remaining,
    showCounter,
    isOverLimit,
    canSubmit,
    canSend,
    canSendText,
    canSendFiles,
    submit,
    focus,
  };
}
