import type { ChatError } from './ChatError';
import type { IdList } from './IdList';
import type { Logger } from './logger';
import type { ChatEntry, ChatLike, MessageKind, MessagePayload } from './types';

/** Whether the store has its history: `idle` before anyone subscribes. */
export type ChatStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The store's state. Collections are immutable snapshots: compare them by identity. */
export interface ChatState {
  /** Time-ordered ids of the loaded history, pending sends included. */
  ids: IdList;
  /**
   * Every known message by id. A new object whenever a message is added, changed or removed, so
   * a memo that reads messages through it can depend on it (`useMemo(..., [state.byId])`).
   */
  byId: ReadonlyMap<string, ChatEntry>;
  /** Pinned ids in the order they were pinned. */
  pinnedIds: readonly string[];
  /**
   * The history's ids by sender, in time order. Built on first read (a list of 100 000 messages
   * that never asks pays nothing for it), then kept up to date.
   */
  byUser: ReadonlyMap<string, IdList>;
  /** The history's ids by message type, in time order; built on first read, like `byUser`. */
  byType: Readonly<Record<MessageKind, IdList>>;
  status: ChatStatus;
  /** Why loading history failed. */
  error: ChatError | null;
  /** The last failed action (send, edit, delete, pin). */
  lastError: ChatError | null;
  hasOlder: boolean;
  isLoadingOlder: boolean;
  /** Sends not yet confirmed by the server. */
  sendingCount: number;
}

/** Who the local participant is, as the store knows it. */
export interface ChatSelf {
  userId: string;
  displayName?: string;
}

export interface ChatStoreOptions {
  /**
   * The local participant's user id (`meeting.self.userId`): marks own messages and lets the store
   * match own sends with their echo. Without it the store asks the chat object (`chat.self`).
   */
  selfUserId?: string;
  selfDisplayName?: string;
  /** Where malformed events are reported. Defaults to `console.warn`. */
  logger?: Logger;
  /** History page size for `fetchPublicMessages` / `getMessages`. Default 50. */
  pageSize?: number;
  /** Largest file `sendImage` / `sendFile` accept, in bytes. Default 25 MiB. */
  maxFileSize?: number;
  /** How long a send, edit, delete or pin waits for the server's event. Default 15 s. */
  confirmTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface SendOptions {
  /** Recipients of a private message (user or peer ids, as your SDK takes them). */
  peerIds?: string[];
}

/**
 * What {@link ChatActions.submit} says at once: the store took the message (it is listed, with
 * `id`, and the store keeps it from now on, failed or not), or refused it (nothing was listed).
 */
export type SendOutcome =
  | {
      accepted: true;
      /** The pending entry's id (its `clientKey` too, which survives the server's echo). */
      id: string;
      /** Resolves with the confirmed message, or rejects when the send fails (it stays listed). */
      confirmed: Promise<ChatEntry>;
    }
  | { accepted: false; error: ChatError };

/** What a store can do; every action returns a promise and records failures in the state. */
export interface ChatActions {
  /**
   * Why the store would refuse to send `payload` (empty or too long text, a file too large, an
   * image that is not one), or null when it would take it. Sending also checks the rate limit.
   */
  validate(payload: MessagePayload): ChatError | null;
  /** Sends `payload` and says at once whether the store took it (see {@link SendOutcome}). */
  submit(payload: MessagePayload, options?: SendOptions): SendOutcome;
  /**
   * Sends text. The message shows at once as a `sending` entry; the promise resolves with the
   * confirmed message when the server's echo arrives, or rejects with a `ChatError` (the entry then
   * stays as `failed`, retryable with {@link ChatActions.retry}). Validation errors reject before
   * anything is shown: the caller still holds the text.
   */
  sendText(text: string, options?: SendOptions): Promise<ChatEntry>;
  sendImage(image: File, options?: SendOptions): Promise<ChatEntry>;
  sendFile(file: File, options?: SendOptions): Promise<ChatEntry>;
  send(payload: MessagePayload, options?: SendOptions): Promise<ChatEntry>;
  /** Sends a failed message again. */
  retry(id: string): Promise<ChatEntry>;
  /** Drops a failed or pending send from the list. */
  discard(id: string): void;
  /** Edits a message; resolves when the server's edit event arrives. */
  edit(id: string, content: string | MessagePayload): Promise<ChatEntry>;
  /** Deletes a message (a failed send is discarded); resolves on the delete event. */
  remove(id: string): Promise<void>;
  pin(id: string): Promise<void>;
  unpin(id: string): Promise<void>;
}

/** One store per chat object: the normalized messages plus bound actions. */
export interface ChatStore extends ChatActions {
  readonly chat: ChatLike;
  getState(): ChatState;
  /** Subscribing attaches to the SDK; the last unsubscribe detaches. */
  subscribe(listener: (state: ChatState, previous: ChatState) => void): () => void;
  /**
   * The row key of a message id: its `clientKey`, stable across the pending → sent swap. Reads
   * no message, so a list can key 100 000 rows without normalizing them.
   */
  clientKeyOf(id: string): string;
  /** The listed messages as one array, the same reference until a message changes. */
  getMessages(): readonly ChatEntry[];
  /** Loads the page of history before the oldest loaded message, once at a time. */
  loadOlder(): Promise<void>;
  /** Re-reads history from the SDK and merges it (after a reconnect, say). */
  resync(): Promise<void>;
  /**
   * Merges messages fetched elsewhere (a private conversation's `fetchPrivateMessages` page) into
   * the history, in time order; known ids are updated, not repeated.
   */
  addHistory(messages: readonly unknown[]): void;
  /**
   * Who the local participant is: the last `selfUserId` given (to `createChatStore`,
   * `getChatStore` or {@link ChatStore.setSelf}), else what the chat object says (`chat.self`, as
   * `createLocalChat` and the dev-server client have), else undefined (the real SDKs' chats do not
   * say: pass `meeting.self.userId`).
   */
  getSelf(): ChatSelf | undefined;
  /**
   * Tells the store who the local participant is; a later call with another user id replaces it
   * (sends made from then on are matched with the new self's echo). Until the store knows self,
   * no incoming message confirms an own send (someone else's message with the same text must not).
   */
  setSelf(self: ChatSelf): void;
  /** Removes every SDK listener; the store stops updating. */
  destroy(): void;
}
