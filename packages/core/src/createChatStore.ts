import { createStore } from 'zustand/vanilla';
import { createChatActions } from './createChatActions';
import { createChatHistory } from './chatHistory';
import { emptyIndex, isListed, listsOf, mergeEntries, removeEntry, upsertEntry } from './chatIndex';
import type { ChatIndex } from './chatIndex';
import type { ChatSelf, ChatState, ChatStore, ChatStoreOptions } from './chatStoreTypes';
import { consoleLogger } from './logger';
import { toEntry } from './EntryMap';
import { normalizeMessage } from './normalizeMessage';
import type { AppliedEvent, AppliedEventListener, StoreCore } from './storeContract';
import type { ChatEntry, ChatLike, ChatUpdateEvent, PinEvent } from './types';

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
  const index = emptyIndex();
  /**
   * The state's own fields, changed in place and copied once per publish into the new state
   * (`stateOf`, which adds `byUser` and `byType` as getters); never published itself.
   */
  const fields: StateFields = {
    ...snapshot(index),
    status: 'idle',
    error: null,
    lastError: null,
    hasOlder: false,
    isLoadingOlder: false,
    sendingCount: 0,
  };
  // The state as a whole: zustand's merging `setState` would read (and so build) the lists.
  const publish = (...changes: Partial<StateFields>[]) =>
    store.setState(stateOf(index, Object.assign(fields, ...changes)), true);
  const store = createStore<ChatState>()(() => stateOf(index, fields));
  let self: ChatSelf | undefined;
  const eventListeners = new Set<AppliedEventListener>();
  let holds = 0;
  let subscribers = 0;
  let attached = false;
  let destroyed = false;
  /** Bumped by every commit: `getMessages()` rebuilds its array only after one. */
  let revision = 0;

  const logger = options.logger ?? consoleLogger;
  const core: StoreCore = {
    chat,
    index,
    warn: (message, ...details) => logger.warn(message, ...details),
    options: {
      pageSize: options.pageSize ?? 50,
      maxFileSize: options.maxFileSize ?? 25 * 1024 * 1024,
      confirmTimeoutMs: options.confirmTimeoutMs ?? 15_000,
      now: options.now ?? Date.now,
    },
    commit(extra) {
      revision++;
      publish(snapshot(index), { sendingCount: sending.sendingCount() }, extra ?? {});
    },
    update: publish,
    self: () => self ?? selfOfChat(chat),
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
  const sending = createChatActions(core);
  const history = createChatHistory(core, store.getState, () => destroyed);
  const { warn } = core;

  function setSelf({ userId, displayName }: ChatSelf): void {
    if (self?.userId === userId) {
      // Unchanged (ChatProvider says it on every render): keep the object, allocate nothing.
      if (displayName === undefined || displayName === self.displayName) return;
    }
    if (userId !== '') self = { userId, displayName };
  }
  if (options.selfUserId !== undefined)
    setSelf({ userId: options.selfUserId, displayName: options.selfDisplayName });

  const notify = (kind: AppliedEvent, entry: ChatEntry | { id: string }) => {
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
        core.commit();
        return notify('delete', { id: message.id });
      }
      const result = normalizeMessage(message);
      if (!result.ok) return warn(`chatUpdate ${action} ignored: ${result.reason}`, event);
      let entry = toEntry(result.message);
      if (action === 'add') entry = sending.reconcile(entry) ?? entry;
      upsertEntry(index, entry);
      core.commit();
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
      core.commit();
      notify('pin', index.byId.get(message.id) ?? base);
    } catch (error) {
      warn('pin event could not be applied', error);
    }
  };
  const onPinMessage = onPin(true);
  const onUnpinMessage = onPin(false);

  function attach(): void {
    if (attached || destroyed) return;
    attached = true;
    chat.on('chatUpdate', onChatUpdate);
    chat.on('pinMessage', onPinMessage);
    chat.on('unpinMessage', onUnpinMessage);
    void history.hydrate();
  }

  function maybeDetach(): void {
    if (!attached || holds > 0 || subscribers > 0) return;
    attached = false;
    chat.off('chatUpdate', onChatUpdate);
    chat.off('pinMessage', onPinMessage);
    chat.off('unpinMessage', onUnpinMessage);
  }

  let cachedMessages: { revision: number; list: readonly ChatEntry[] } | null = null;

  return {
    chat,
    ...sending.actions,
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
      if (cachedMessages?.revision === revision) return cachedMessages.list;
      const list: ChatEntry[] = [];
      for (const id of index.ids.toArray()) {
        const entry = index.byId.get(id);
        if (entry) list.push(entry);
      }
      cachedMessages = { revision, list };
      return list;
    },
    loadOlder: history.loadOlder,
    addHistory(messages) {
      mergeEntries(index, history.entriesOf(messages, 'added history'));
      core.commit();
    },
    getSelf: core.self,
    setSelf,
    resync: () => (attached ? history.hydrate() : Promise.resolve()),
    destroy() {
      destroyed = true;
      holds = 0;
      subscribers = 0;
      maybeDetach();
      eventListeners.clear();
      sending.dispose();
    },
  };
}

/** Who the chat object says self is (`createLocalChat` and the dev-server client say; SDKs not). */
function selfOfChat(chat: ChatLike): ChatSelf | undefined {
  const self = (chat as { self?: { userId?: unknown } }).self;
  const userId = typeof self === 'object' && self !== null ? self.userId : undefined;
  return typeof userId === 'string' && userId !== '' ? { userId } : undefined;
}

type StateFields = Omit<ChatState, 'byUser' | 'byType'>;

/** The collections as published: `byId` is a new view whenever something changed (see EntryMap). */
function snapshot(index: ChatIndex) {
  return { ids: index.ids, byId: index.byId.snapshot(), pinnedIds: index.pinnedIds };
}

/**
 * A published state: `fields`, plus `byUser` and `byType` as getters that build the index's lists
 * on first read (see `ChatIndex.lists`). `byType` is a new object per state, as it was when copied
 * on every change; `byUser` is the index's own map.
 */
function stateOf(index: ChatIndex, fields: StateFields): ChatState {
  let byType: ChatState['byType'] | undefined;
  return {
    ...fields,
    get byUser() {
      return listsOf(index).byUser;
    },
    get byType() {
      return (byType ??= { ...listsOf(index).byType });
    },
  };
}
