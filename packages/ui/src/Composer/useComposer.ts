'use client';
import {
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { CHAT_IMAGE_TYPES, ChatError } from '@natter/core';
import type { ChatStore } from '@natter/core';
import { useChatPermissions, useChatStore, useMessage } from '@natter/hooks';
import { useStableCallback } from '../utils/useLatestRef';
import { useSelfOf } from '../utils/useSelfOf';
import { toAttachments } from './attachments';
import { ComposerContext } from './ComposerContext';
import { getDraft, subscribeDrafts, updateDraft } from './composerDrafts';
import { useComposerProps } from './useComposerProps';
import type { ComposerStatus, UseComposerOptions, UseComposerResult } from './composerTypes';
import { submitDraft } from './submitDraft';
import { useStrings } from '../strings';

export type {
  ComposerMode,
  ComposerStatus,
  UseComposerOptions,
  UseComposerResult,
} from './composerTypes';

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
 * The draft lives outside React (`composerDrafts`, one per chat object and `draftKey`) and
 * changes only through `draftReducer`; every action returned here keeps one identity for the
 * composer's life (`useStableCallback`), so nothing is rebuilt per render.
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
  // Up edits the last text of the store's self (see `ChatStore.getSelf`).
  const selfUserId = useSelfOf(store);
  // This chat's (and key's) draft: another chat or key shows its own draft, with no state to copy.
  const readDraft = () => getDraft(store, draftKey);
  const draft = useSyncExternalStore(subscribeDrafts, readDraft, readDraft);
  const [error, setError] = useState<ChatError | null>(null);
  const [status, setStatus] = useState<ComposerStatus>('idle');
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const fileInputRef = useRef<HTMLInputElement | null>(null);
  /** Where a programmatic change wants the caret (end of an edit, after a paste). */
  const caret = useRef<number | null>(null);
  const busy = useRef(false);
  const baseId = useId();
  const editingMessage = useMessage({ id: draft.edit?.id ?? '', store });

  useEffect(() => {
    const el = textareaRef.current;
    const at = caret.current;
    if (!el || at === null) return;
    caret.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  }, [draft]);

  // The message under edit was deleted (by someone else, or while the composer was away): give
  // the draft back and say why. The store tells us; nothing is adjusted during render.
  const editId = draft.edit?.id;
  useEffect(() => {
    if (editId === undefined) return undefined;
    const check = () => {
      const state = store.getState();
      if (state.status !== 'ready' || state.byId.has(editId)) return;
      if (getDraft(store, draftKey).edit?.id !== editId) return;
      updateDraft(store, draftKey, { type: 'endEdit' });
      setError(new ChatError('not-found', 'The message you were editing was deleted.'));
    };
    check();
    return store.subscribe(check);
  }, [store, draftKey, editId]);

  const clearError = useCallback(() => setError(null), []);
  const placeCaret = useCallback((at: number) => {
    caret.current = at;
  }, []);
  const focus = useCallback(() => textareaRef.current?.focus(), []);

  const setText = useStableCallback((text: string) => {
    updateDraft(store, draftKey, { type: 'text', text });
    setError(null);
  });

  const addFiles = useStableCallback((files: Iterable<File>) => {
    const added = toAttachments(files, imageTypes);
    if (added.length === 0) return;
    if (!canSendFiles) setError(new ChatError('forbidden', strings.filesOff));
    else updateDraft(store, draftKey, { type: 'attach', attachments: added });
  });

  const removeAttachment = useStableCallback((id: string) =>
    updateDraft(store, draftKey, { type: 'remove', id }),
  );

  const startEdit = useStableCallback((id: string) => {
    const entry = store.getState().byId.get(id);
    if (!entry || entry.type !== 'text' || entry.status !== 'sent') return false;
    caret.current = entry.message.length;
    updateDraft(store, draftKey, { type: 'startEdit', id, text: entry.message });
    setError(null);
    return true;
  });

  const cancelEdit = useStableCallback(() => {
    const edit = getDraft(store, draftKey).edit;
    if (!edit) return;
    caret.current = edit.stashed.length;
    updateDraft(store, draftKey, { type: 'endEdit' });
    setError(null);
  });

  const editLastOwnMessage = useStableCallback(() => {
    const id = lastOwnTextId(store, selfUserId);
    return id === undefined ? false : startEdit(id);
  });

  const submit = useStableCallback(async () => {
    const current = getDraft(store, draftKey);
    if (busy.current || blocked) return;
    const text = normalise(current.text);
    if (
      (current.attachments.length > 0 && !canSendFiles && !current.edit) ||
      (text && !canSendText)
    ) {
      setError(new ChatError('forbidden', canSendFiles ? strings.textOff : strings.filesOff));
      return;
    }
    if (!current.edit && text === '' && current.attachments.length === 0) return;
    busy.current = true;
    setStatus('submitting');
    setError(null);
    try {
      await submitDraft(store, draftKey, current, text, peerIds, setError, placeCaret);
    } finally {
      busy.current = false;
      setStatus('idle');
    }
  });

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
  // Each of these keeps one identity for the composer's life.
  const actions = {
    setText,
    submit,
    addFiles,
    removeAttachment,
    cancelEdit,
    editLastOwnMessage,
    clearError,
  };
  const getters = useComposerProps(
    { ids, textareaRef, fileInputRef },
    { ...actions, placeCaret },
    {
      text: draft.text,
      hasError: error !== null,
      isEditing,
      isEmpty: draft.text === '' && draft.attachments.length === 0,
      isSubmitting,
      isDisabled: blocked,
      isTextDisabled: !canSendText && !isEditing,
      isOverLimit,
      showCounter,
      canSubmit,
    },
  );

  return {
    ...getters,
    ...actions,
    text: draft.text,
    attachments: draft.attachments,
    mode: isEditing ? 'edit' : 'compose',
    isEditing,
    editingMessage: isEditing ? editingMessage : undefined,
    startEdit,
    status,
    isSubmitting,
    error,
    limit,
    remaining,
    showCounter,
    isOverLimit,
    canSubmit,
    canSend,
    canSendText,
    canSendFiles,
    focus,
  };
}
