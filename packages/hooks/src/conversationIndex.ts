import { IdList } from '@natter/core';
import type { ChatEntry, ChatState, ChatStore } from '@natter/core';

/** The key of the public conversation; a private one is keyed by the other person's user id. */
export const EVERYONE = 'everyone';

/** One conversation: everyone, or you and one other person. */
export interface Conversation {
  /** `'everyone'`, or the other person's user id. */
  key: string;
  /** Its messages, in time order (what `MessageList`'s `ids` takes). */
  ids: IdList;
  /** Messages from others that arrived while another conversation was open. */
  unread: number;
}

export interface ConversationState {
  /** Everyone first, then each private conversation in the order it started. */
  conversations: readonly Conversation[];
  /** The open conversation's key. */
  active: string;
  /** Messages from others in any conversation since `markAllRead()` (a collapsed panel's badge). */
  unreadTotal: number;
}

export interface ConversationIndex {
  subscribe(listener: () => void): () => void;
  getState(): ConversationState;
  /** Opens a conversation (creating an empty one for a person you have not written to yet). */
  setActive(key: string): void;
  /** The reader has seen everything (the panel is open): `unreadTotal` goes back to 0. */
  markAllRead(): void;
}

/** Which conversation a message belongs to, seen from `self`. */
export function conversationOf(
  entry: Pick<ChatEntry, 'userId' | 'targetUserIds'>,
  self: string | undefined,
): string {
  const targets = entry.targetUserIds;
  if (!targets || targets.length === 0) return EVERYONE;
  if (self !== undefined && entry.userId !== self) return entry.userId;
  return targets.find((id) => id !== self) ?? entry.userId;
}

const PAGE = 50;
const indexes = new WeakMap<ChatStore, Map<string, ConversationIndex>>();

function createConversationIndex(store: ChatStore, self: string | undefined): ConversationIndex {
  const listeners = new Set<() => void>();
  const lists = new Map<string, IdList>([[EVERYONE, IdList.empty]]);
  const unread = new Map<string, number>();
  const fetched = new Set<string>();
  let seen: IdList | null = null;
  /** Messages appended once history is loaded (or after earlier ones) count as unread. */
  let wasReady = false;
  let privateCount = 0;
  let unreadTotal = 0;
  let active = EVERYONE;
  let state: ConversationState | null = null;
  let unsubscribe: (() => void) | null = null;

  const isRemote = (e: ChatEntry) => e.status === 'sent' && self !== undefined && e.userId !== self;
  const put = (key: string, ids: string[]) =>
    lists.set(key, (lists.get(key) ?? IdList.empty).append(ids));

  /** Files ids into their conversations; `live` counts others' messages as unread. */
  function file(s: ChatState, ids: readonly string[], live: boolean): void {
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const entry = s.byId.get(id);
      if (!entry) continue;
      const key = conversationOf(entry, self);
      if (key !== EVERYONE) privateCount++;
      const group = groups.get(key);
      if (group) group.push(id);
      else groups.set(key, [id]);
      if (!live || !isRemote(entry)) continue;
      unreadTotal++;
      if (key !== active) unread.set(key, (unread.get(key) ?? 0) + 1);
    }
    for (const [key, group] of groups) put(key, group);
  }

  /** The ids added at the end since `prev`, or null when the list changed otherwise. */
  function appended(prev: IdList, next: IdList): string[] | null {
    if (next.length < prev.length) return null;
    const last = prev.last();
    if (last !== undefined && next.at(prev.length - 1) !== last) return null;
    if (prev.length > 0 && next.at(0) !== prev.at(0)) return null;
    const out: string[] = [];
    for (let i = prev.length; i < next.length; i++) out.push(next.at(i) ?? '');
    return out;
  }

  function sync(): void {
    const s = store.getState();
    if (s.ids !== seen) {
      const added = seen ? appended(seen, s.ids) : null;
      if (added) file(s, added, wasReady || (seen?.length ?? 0) > 0);
      else {
        // History, a delete or a confirmed send: file everything again (unread counts stay).
        for (const key of lists.keys()) lists.set(key, IdList.empty);
        privateCount = 0;
        file(s, s.ids.toArray(), false);
      }
      seen = s.ids;
      state = null;
    }
    wasReady = s.status === 'ready';
  }

  function read(): ConversationState {
    if (!unsubscribe) sync();
    if (state) return state;
    const everyone =
      privateCount === 0 ? store.getState().ids : (lists.get(EVERYONE) ?? IdList.empty);
    const conversations: Conversation[] = [];
    for (const [key, ids] of lists) {
      conversations.push({
        key,
        ids: key === EVERYONE ? everyone : ids,
        unread: unread.get(key) ?? 0,
      });
    }
    state = { conversations, active, unreadTotal };
    return state;
  }

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  function loadPrivateHistory(key: string): void {
    const fetchPrivate = store.chat.fetchPrivateMessages;
    if (key === EVERYONE || !fetchPrivate || fetched.has(key)) return;
    fetched.add(key);
    fetchPrivate
      .call(store.chat, { userId: key, timestamp: Date.now(), limit: PAGE, direction: 'before' })
      .then((page) => store.addHistory(Array.isArray(page) ? page : []))
      // Not fetched: the next visit tries again; live messages still arrive meanwhile.
      .catch(() => fetched.delete(key));
  }

  return {
    subscribe(listener) {
      if (!unsubscribe) {
        sync();
        unsubscribe = store.subscribe(() => {
          const before = seen;
          sync();
          if (before !== seen) notify();
        });
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
    getState: read,
    markAllRead() {
      if (unreadTotal === 0) return;
      unreadTotal = 0;
      state = null;
      notify();
    },
    setActive(key) {
      if (!lists.has(key)) lists.set(key, IdList.empty);
      loadPrivateHistory(key);
      if (active === key && !unread.get(key)) return;
      active = key;
      unread.delete(key);
      state = null;
      notify();
    },
  };
}

/**
 * The conversations of a chat as `self` sees them (one index per store and self): everyone, and
 * each private conversation, with unread counts, and which one is open. New messages are filed
 * in O(1) each; anything else (history, deletes) files the list again.
 */
export function getConversationIndex(
  store: ChatStore,
  self: string | undefined,
): ConversationIndex {
  let bySelf = indexes.get(store);
  if (!bySelf) {
    bySelf = new Map();
    indexes.set(store, bySelf);
  }
  let index = bySelf.get(self ?? '');
  if (!index) {
    index = createConversationIndex(store, self);
    bySelf.set(self ?? '', index);
  }
  return index;
}
