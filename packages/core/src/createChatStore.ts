import { createStore } from 'zustand/vanilla';
import { toChatError } from './ChatError';
import type { ChatError } from './ChatError';
import { emptyIndex, isListed, mergeEntries, removeEntry, upsertEntry } from './chatIndex';
import type { ChatEntry, ChatIndex } from './chatIndex';
import { createChatActions } from './createChatActions';
import type { ChatActions } from './createChatActions';
import type { IdList } from './IdList';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { toEntry } from './EntryMap';
import { mergeHistory } from './mergeHistory';
import { normalizeMessage } from './normalizeMessage';
import type { ChatLike, ChatUpdateEvent, MessageKind, PinEvent } from './types';

/** Whether the store has its history: `idle` before anyone subscribes. */
export type ChatStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The store's state. Collections are immutable snapshots: compare them by identity. */
export interface ChatState {
  /** Time-ordered ids of the loaded history, pending sends included. */
  ids: IdList;
  byId: ReadonlyMap<string, ChatEntry>;
  /** Pinned ids in the order they were pinned. */
  pinnedIds: readonly string[];
  byUser: ReadonlyMap<string, IdList>;
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
  /** Changes whenever a listed message or the list itself changes. */
  messagesRevision: number;
}

export interface ChatStoreOptions {
  /** The local participant's user id; lets the store match own sends with their echo. */
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
   * Tells a store created without `selfUserId` who the local participant is. Until it knows, no
   * incoming message confirms an own send (someone else's message with the same text must not).
   * Ignored once the store knows self.
   */
  setSelf(self: { userId: string; displayName?: string }): void;
  /** Removes every SDK listener; the store stops updating. */
  destroy(): void;
}

/** Internals shared with the actions module. */
export interface StoreInternals {
  chat: ChatLike;
  index: ChatIndex;
  options: Required<Omit<ChatStoreOptions, 'selfUserId' | 'selfDisplayName'>> &
    Pick<ChatStoreOptions, 'selfUserId' | 'selfDisplayName'>;
  /** Publishes a change to the collections (bumps `messagesRevision`), plus `extra` fields. */
  commit(extra?: Partial<ChatState>): void;
  /** Publishes fields that are not messages (errors, flags): `getMessages()` stays the same. */
  update(extra: Partial<ChatState>): void;
  getState(): ChatState;
  /**
   * The local participant's user id: `selfUserId`, else what the chat object says (`chat.self`,
   * as `createLocalChat` and the dev-server client have), else undefined (the real SDKs' chats do
   * not say).
   */
  selfUserId(): string | undefined;
  /** Runs `fn` for every applied event until it returns true. */
  onEvent(
    fn: (kind: 'add' | 'edit' | 'delete' | 'pin', entry: ChatEntry | { id: string }) => boolean,
  ): () => void;
  hold(): () => void;
  /** Number of sends waiting for the server; the actions module owns this count. */
  countSending: () => number;
  /** Set by the actions: tries to match an incoming own message with a pending send. */
  reconcile?: (entry: ChatEntry) => ChatEntry | undefined;
}

/**
 * Creates a normalized, subscribable store over any `meeting.chat`-like object. Usually you want
 * {@link getChatStore}, which returns one shared store per chat object.
 *
 * @example
 * ```ts
 * const store = createChatStore(meeting.chat, { selfUserId: meeting.self.userId })
 * const stop = store.subscribe((s) => render(s.ids.length))
 * await store.sendText('hello')
 * ```
 */
export function createChatStore(chat: ChatLike, options: ChatStoreOptions = {}): ChatStore {
  const opts: StoreInternals['options'] = {
    logger: options.logger ?? consoleLogger,
    pageSize: options.pageSize ?? 50,
    maxFileSize: options.maxFileSize ?? 25 * 1024 * 1024,
    confirmTimeoutMs: options.confirmTimeoutMs ?? 15_000,
    now: options.now ?? Date.now,
    ...(options.selfUserId === undefined ? {} : { selfUserId: options.selfUserId }),
    ...(options.selfDisplayName === undefined ? {} : { selfDisplayName: options.selfDisplayName }),
  };
  const index = emptyIndex();
  let messagesRevision = 0;
  const store = createStore<ChatState>()(() => ({
    ...snapshot(index),
    status: 'idle',
    error: null,
    lastError: null,
    hasOlder: false,
    isLoadingOlder: false,
    sendingCount: 0,
    messagesRevision,
  }));
  const eventListeners = new Set<Parameters<StoreInternals['onEvent']>[0]>();
  let holds = 0;
  let attached = false;
  let destroyed = false;
  let hydration = 0;

  const internals: StoreInternals = {
    chat,
    index,
    options: opts,
    commit(extra) {
      messagesRevision++;
      store.setState({
        ...snapshot(index),
        messagesRevision,
        sendingCount: internals.countSending(),
        ...extra,
      });
    },
    update(extra) {
      store.setState(extra);
    },
    getState: store.getState,
    selfUserId() {
      if (opts.selfUserId !== undefined) return opts.selfUserId;
      const self = (chat as { self?: { userId?: unknown } }).self;
      const userId = typeof self === 'object' && self !== null ? self.userId : undefined;
      return typeof userId === 'string' && userId !== '' ? userId : undefined;
    },
    countSending: () => 0,
    onEvent(fn) {
      eventListeners.add(fn);
      return () => eventListeners.delete(fn);
    },
    hold() {
      holds++;
      attach();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        maybeDetach();
      };
    },
  };

  const notify = (kind: 'add' | 'edit' | 'delete' | 'pin', entry: ChatEntry | { id: string }) => {
    for (const fn of [...eventListeners]) if (fn(kind, entry)) eventListeners.delete(fn);
  };

  const onChatUpdate = (event: ChatUpdateEvent) => {
    try {
      if (typeof event !== 'object' || event === null)
        return warn('chatUpdate without payload', event);
      const { action, message } = event;
      if (action !== 'add' && action !== 'edit' && action !== 'delete') {
        return warn(`chatUpdate with unknown action ${String(action)}`, event);
      }
      if (typeof message !== 'object' || message === null || typeof message.id !== 'string') {
        return warn(`chatUpdate ${action} without a message id`, event);
      }
      if (action === 'delete') {
        removeEntry(index, message.id, true);
        internals.commit();
        return notify('delete', { id: message.id });
      }
      const result = normalizeMessage(message);
      if (!result.ok) return warn(`chatUpdate ${action} ignored: ${result.reason}`, event);
      let entry = toEntry(result.message);
      if (action === 'add') entry = internals.reconcile?.(entry) ?? entry;
      upsertEntry(index, entry);
      internals.commit();
      notify(action, index.byId.get(entry.id) ?? entry);
    } catch (error) {
      warn('chatUpdate could not be applied', error);
    }
  };

  const onPin = (pinned: boolean) => (event: PinEvent) => {
    try {
      const message = (event as PinEvent | undefined)?.message;
      if (typeof message !== 'object' || message === null || typeof message.id !== 'string') {
        return warn(`${pinned ? 'pinMessage' : 'unpinMessage'} without a message id`, event);
      }
      const known = index.byId.get(message.id);
      const result = normalizeMessage(message);
      const base = result.ok ? toEntry(result.message) : known;
      if (!base) return;
      upsertEntry(index, { ...base, pinned }, known ? isListed(index, message.id) : true);
      internals.commit();
      notify('pin', index.byId.get(message.id) ?? base);
    } catch (error) {
      warn('pin event could not be applied', error);
    }
  };
  const onPinMessage = onPin(true);
  const onUnpinMessage = onPin(false);

  function warn(message: string, ...details: unknown[]): void {
    opts.logger.warn(message, ...details);
  }

  function attach(): void {
    if (attached || destroyed) return;
    attached = true;
    chat.on('chatUpdate', onChatUpdate);
    chat.on('pinMessage', onPinMessage);
    chat.on('unpinMessage', onUnpinMessage);
    void hydrate();
  }

  function maybeDetach(): void {
    if (!attached || holds > 0 || subscribers > 0) return;
    attached = false;
    chat.off('chatUpdate', onChatUpdate);
    chat.off('pinMessage', onPinMessage);
    chat.off('unpinMessage', onUnpinMessage);
  }

  function entriesOf(list: unknown, logLabel: string): ChatEntry[] {
    if (!Array.isArray(list)) return [];
    const out: ChatEntry[] = [];
    for (const raw of list) {
      const result = normalizeMessage(raw);
      if (result.ok) out.push(toEntry(result.message));
      else warn(`${logLabel}: ${result.reason}`);
    }
    return out;
  }

  function mergePins(pins: ChatEntry[]): void {
    const oldest = index.byId.get(index.ids.first() ?? '')?.timeMs ?? -Infinity;
    const hasOlder = store.getState().hasOlder;
    for (const pin of pins) {
      upsertEntry(index, { ...pin, pinned: true }, !hasOlder || (pin.timeMs ?? 0) >= oldest);
    }
  }

  async function hydrate(): Promise<void> {
    const run = ++hydration;
    const release = internals.hold();
    try {
      // What the SDK already holds (history loaded on join replaces `messages` without an event).
      let seeded: unknown[] = [];
      try {
        seeded = Array.isArray(chat.messages) ? chat.messages : [];
      } catch (error) {
        warn('reading chat.messages failed', error);
      }
      mergeHistory(index, seeded, (reason) => warn(`chat.messages: ${reason}`));
      let pinned: unknown = [];
      try {
        pinned = chat.pinned;
      } catch {
        pinned = [];
      }
      mergePins(entriesOf(pinned, 'chat.pinned'));
      const hasPaging = !!chat.fetchPublicMessages || !!chat.getMessages;
      internals.commit({
        status: hasPaging ? 'loading' : 'ready',
        error: null,
        hasOlder: hasPaging,
      });
      if (!hasPaging) return;
      const { messages, more } = await fetchPage(opts.now());
      if (run !== hydration || destroyed) return;
      mergeEntries(index, entriesOf(messages, 'history'));
      internals.commit({ hasOlder: more });
      if (chat.fetchPinnedMessages) {
        const pins = await chat.fetchPinnedMessages({
          timestamp: opts.now(),
          limit: 100,
          direction: 'before',
        });
        if (run !== hydration || destroyed) return;
        mergePins(entriesOf(pins, 'pinned history'));
      }
      internals.commit({ status: 'ready' });
    } catch (error) {
      if (run !== hydration || destroyed) return;
      const chatError = toChatError(error);
      warn('loading chat history failed', error);
      internals.commit({ status: index.ids.length > 0 ? 'ready' : 'error', error: chatError });
    } finally {
      release();
    }
  }

  async function fetchPage(before: number): Promise<{ messages: unknown[]; more: boolean }> {
    if (chat.fetchPublicMessages) {
      const page = await chat.fetchPublicMessages({
        timestamp: before,
        limit: opts.pageSize,
        direction: 'before',
      });
      const list = Array.isArray(page) ? page : [];
      return { messages: list, more: list.length >= opts.pageSize };
    }
    if (chat.getMessages) {
      const page = await chat.getMessages(before, opts.pageSize, true);
      return {
        messages: Array.isArray(page?.messages) ? page.messages : [],
        more: page?.next === true,
      };
    }
    return { messages: [], more: false };
  }

  let loadingOlder: Promise<void> | null = null;
  function loadOlder(): Promise<void> {
    if (loadingOlder) return loadingOlder;
    const state = store.getState();
    if (!state.hasOlder || destroyed) return Promise.resolve();
    const oldest = index.byId.get(index.ids.first() ?? '')?.timeMs ?? opts.now();
    const release = internals.hold();
    store.setState({ isLoadingOlder: true });
    loadingOlder = (async () => {
      try {
        const before = index.ids.length;
        const { messages, more } = await fetchPage(oldest);
        mergeEntries(index, entriesOf(messages, 'older history'));
        const grew = index.ids.length > before;
        internals.commit({ hasOlder: more && grew, isLoadingOlder: false });
      } catch (error) {
        const chatError = toChatError(error);
        warn('loading older messages failed', error);
        store.setState({ isLoadingOlder: false, lastError: chatError });
        throw chatError;
      } finally {
        loadingOlder = null;
        release();
      }
    })();
    return loadingOlder;
  }

  let subscribers = 0;
  let cachedMessages: { revision: number; list: readonly ChatEntry[] } | null = null;
  const actions = createChatActions(internals);

  return {
    chat,
    ...actions,
    getState: store.getState,
    subscribe(listener) {
      const unsubscribe = store.subscribe(listener);
      subscribers++;
      attach();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        unsubscribe();
        subscribers--;
        maybeDetach();
      };
    },
    clientKeyOf: (id) => index.byId.clientKeyOf(id),
    getMessages() {
      const revision = store.getState().messagesRevision;
      if (cachedMessages?.revision === revision) return cachedMessages.list;
      const list: ChatEntry[] = [];
      for (const id of index.ids.toArray()) {
        const entry = index.byId.get(id);
        if (entry) list.push(entry);
      }
      cachedMessages = { revision, list };
      return list;
    },
    loadOlder,
    addHistory(messages) {
      mergeEntries(index, entriesOf(messages, 'added history'));
      internals.commit();
    },
    setSelf(self) {
      if (opts.selfUserId !== undefined || self.userId === '') return;
      opts.selfUserId = self.userId;
      if (self.displayName !== undefined) opts.selfDisplayName ??= self.displayName;
    },
    resync: () => {
      if (!attached) return Promise.resolve();
      return hydrate();
    },
    destroy() {
      destroyed = true;
      holds = 0;
      subscribers = 0;
      maybeDetach();
      eventListeners.clear();
      actions.dispose();
    },
  };
}

function snapshot(index: ChatIndex) {
  return {
    ids: index.ids,
    byId: index.byId,
    pinnedIds: index.pinnedIds,
    byUser: index.byUser,
    byType: { ...index.byType },
  };
}
