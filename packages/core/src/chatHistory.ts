import { toChatError } from './ChatError';
import { mergeEntries, upsertEntry } from './chatIndex';
import type { ChatState } from './chatStoreTypes';
import { toEntry } from './EntryMap';
import { mergeHistory } from './mergeHistory';
import { normalizeMessage } from './normalizeMessage';
import type { StoreCore } from './storeContract';
import type { ChatEntry } from './types';

/** How the store reads history from the chat object: on attach, on scroll-up and on resync. */
export interface ChatHistory {
  /** Reads what the SDK holds, then the newest page and the pins; a later call supersedes it. */
  hydrate(): Promise<void>;
  /** Loads the page before the oldest loaded message, once at a time. */
  loadOlder(): Promise<void>;
  /** Normalizes a list of SDK messages, reporting (and dropping) the malformed ones. */
  entriesOf(list: unknown, logLabel: string): ChatEntry[];
}

/** `destroyed` says when the store was destroyed: results still on their way are then dropped. */
export function createChatHistory(
  core: StoreCore,
  getState: () => ChatState,
  destroyed: () => boolean,
): ChatHistory {
  const { chat, index, options, warn } = core;
  let hydration = 0;
  let loadingOlder: Promise<void> | null = null;

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
    const hasOlder = getState().hasOlder;
    // Read only when needed: the oldest message is far from the first screen (see `EntryMap.defer`).
    const oldest = hasOlder
      ? (index.byId.get(index.ids.first() ?? '')?.timeMs ?? -Infinity)
      : -Infinity;
    for (const pin of pins) {
      upsertEntry(index, { ...pin, pinned: true }, !hasOlder || (pin.timeMs ?? 0) >= oldest);
    }
  }

  async function fetchPage(before: number): Promise<{ messages: unknown[]; more: boolean }> {
    if (chat.fetchPublicMessages) {
      const page = await chat.fetchPublicMessages({
        timestamp: before,
        limit: options.pageSize,
        direction: 'before',
      });
      const list = Array.isArray(page) ? page : [];
      return { messages: list, more: list.length >= options.pageSize };
    }
    if (chat.getMessages) {
      const page = await chat.getMessages(before, options.pageSize, true);
      return {
        messages: Array.isArray(page?.messages) ? page.messages : [],
        more: page?.next === true,
      };
    }
    return { messages: [], more: false };
  }

  async function hydrate(): Promise<void> {
    const run = ++hydration;
    const superseded = () => run !== hydration || destroyed();
    const release = core.hold();
    try {
      // What the SDK already holds (history loaded on join replaces `messages` without an event).
      let seeded: unknown[] = [];
      try {
        seeded = Array.isArray(chat.messages) ? chat.messages : [];
      } catch (error) {
        warn('reading chat.messages failed', error);
      }
      mergeHistory(
        index,
        seeded,
        (reason) => warn(`chat.messages: ${reason}`),
        // Delisted when the index is built, maybe inside a render: published after it.
        () =>
          queueMicrotask(() => {
            if (!destroyed()) core.commit();
          }),
      );
      let pinned: unknown = [];
      try {
        pinned = chat.pinned;
      } catch {
        pinned = [];
      }
      mergePins(entriesOf(pinned, 'chat.pinned'));
      const hasPaging = !!chat.fetchPublicMessages || !!chat.getMessages;
      core.commit({ status: hasPaging ? 'loading' : 'ready', error: null, hasOlder: hasPaging });
      if (!hasPaging) return;
      const { messages, more } = await fetchPage(options.now());
      if (superseded()) return;
      mergeEntries(index, entriesOf(messages, 'history'));
      core.commit({ hasOlder: more });
      if (chat.fetchPinnedMessages) {
        const pins = await chat.fetchPinnedMessages({
          timestamp: options.now(),
          limit: 100,
          direction: 'before',
        });
        if (superseded()) return;
        mergePins(entriesOf(pins, 'pinned history'));
      }
      core.commit({ status: 'ready' });
    } catch (error) {
      if (superseded()) return;
      warn('loading chat history failed', error);
      core.commit({
        status: index.ids.length > 0 ? 'ready' : 'error',
        error: toChatError(error),
      });
    } finally {
      release();
    }
  }

  function loadOlder(): Promise<void> {
    if (loadingOlder) return loadingOlder;
    if (!getState().hasOlder || destroyed()) return Promise.resolve();
    const oldest = index.byId.get(index.ids.first() ?? '')?.timeMs ?? options.now();
    const release = core.hold();
    core.update({ isLoadingOlder: true });
    loadingOlder = (async () => {
      try {
        const before = index.ids.length;
        const { messages, more } = await fetchPage(oldest);
        mergeEntries(index, entriesOf(messages, 'older history'));
        const grew = index.ids.length > before;
        core.commit({ hasOlder: more && grew, isLoadingOlder: false });
      } catch (error) {
        const chatError = toChatError(error);
        warn('loading older messages failed', error);
        core.update({ isLoadingOlder: false, lastError: chatError });
        throw chatError;
      } finally {
        loadingOlder = null;
        release();
      }
    })();
    return loadingOlder;
  }

  return { hydrate, loadOlder, entriesOf };
}
