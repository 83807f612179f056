'use client';
import type {
  ChatActions,
  ChatEntry,
  ChatError,
  ChatState,
  ChatStatus,
  ChatStore,
} from '@natter/core';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

export interface UseChatResult extends ChatActions {
  /** Listed messages in time order, pending sends included; the same array until one changes. */
  messages: readonly ChatEntry[];
  status: ChatStatus;
  isLoading: boolean;
  isReady: boolean;
  isError: boolean;
  /** Why history failed to load. */
  error: ChatError | null;
  /** The last failed action. */
  lastError: ChatError | null;
  isSending: boolean;
  hasOlder: boolean;
  isLoadingOlder: boolean;
  loadOlder(): Promise<void>;
  store: ChatStore;
}

interface Slice {
  messages: readonly ChatEntry[];
  status: ChatStatus;
  error: ChatError | null;
  lastError: ChatError | null;
  sendingCount: number;
  hasOlder: boolean;
  isLoadingOlder: boolean;
}

const sameSlice = (a: Slice, b: Slice) =>
  a.messages === b.messages &&
  a.status === b.status &&
  a.error === b.error &&
  a.lastError === b.lastError &&
  a.sendingCount === b.sendingCount &&
  a.hasOlder === b.hasOlder &&
  a.isLoadingOlder === b.isLoadingOlder;

/**
 * The whole chat in one hook: messages, status and bound actions. Lists that must stay fast at
 * thousands of messages should use {@link useMessageIds} + {@link useMessage} instead.
 *
 * @example
 * ```tsx
 * const { messages, sendText, isSending } = useChat()
 * return <ul>{messages.map((m) => <li key={m.clientKey}>{m.type === 'text' && m.message}</li>)}</ul>
 * ```
 */
export function useChat(options: ChatHookOptions = {}): UseChatResult {
  const store = useChatStore(options);
  const slice = useChatSelector(
    store,
    (s: ChatState): Slice => ({
      messages: store.getMessages(),
      status: s.status,
      error: s.error,
      lastError: s.lastError,
      sendingCount: s.sendingCount,
      hasOlder: s.hasOlder,
      isLoadingOlder: s.isLoadingOlder,
    }),
    sameSlice,
  );
  return {
    messages: slice.messages,
    status: slice.status,
    isLoading: slice.status === 'loading' || slice.status === 'idle',
    isReady: slice.status === 'ready',
    isError: slice.status === 'error',
    error: slice.error,
    lastError: slice.lastError,
    isSending: slice.sendingCount > 0,
    hasOlder: slice.hasOlder,
    isLoadingOlder: slice.isLoadingOlder,
    loadOlder: store.loadOlder,
    validate: store.validate,
    submit: store.submit,
    send: store.send,
    sendText: store.sendText,
    sendImage: store.sendImage,
    sendFile: store.sendFile,
    retry: store.retry,
    discard: store.discard,
    edit: store.edit,
    remove: store.remove,
    pin: store.pin,
    unpin: store.unpin,
    store,
  };
}
