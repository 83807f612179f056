import { missedRangeOf } from '@natter/core';
import type { ChatState, ChatStore, MissedRange } from '@natter/core';

/** `joined`: history that was there when the reader first opened the chat; `away`: since they closed it. */
export type MissedKind = 'joined' | 'away';

export interface MissedTrackerState {
  range: MissedRange | null;
  kind: MissedKind;
  /**
   * Changes when something inside the range may have changed (an edit, a pin, a delete, older
   * history), not when messages are only added after it: the summary is computed again only then.
   */
  revision: number;
}

/**
 * Per chat store: how far the reader has seen. While a reader is open the seen point follows the
 * newest message; opening again makes the range after the old seen point the missed range.
 */
export interface MissedTracker {
  subscribe(listener: () => void): () => void;
  getState(): MissedTrackerState;
  /** A reader opened (a mounted panel): returns the function that closes it. */
  open(): () => void;
  dismiss(): void;
}

const NOTHING: MissedTrackerState = { range: null, kind: 'joined', revision: 0 };

/**
 * Whether the change from `prev` to `next` may touch a missed range: not when no message changed,
 * nor when messages were only added after the newest one (nothing pinned or unpinned meanwhile).
 */
function touchesRange(prev: ChatState, next: ChatState): boolean {
  if (next.byId === prev.byId) return false;
  const n = prev.ids.length;
  return !(
    n > 0 &&
    next.ids.length > n &&
    next.ids.at(n - 1) === prev.ids.last() &&
    next.pinnedIds === prev.pinnedIds
  );
}
const trackers = new WeakMap<ChatStore, MissedTracker>();

function createMissedTracker(store: ChatStore): MissedTracker {
  /** The newest message seen; undefined: the reader has never opened this chat. */
  let seen: string | null | undefined;
  let state = NOTHING;
  let readers = 0;
  let pending = false;
  let unsubscribe: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: MissedTrackerState) => {
    state = next;
    for (const l of listeners) l();
  };
  let revision = 0;
  const follow = (s: ChatState, previous?: ChatState) => {
    if (s.status !== 'ready' && s.status !== 'error') return;
    if (pending) {
      // The first state with history after opening: everything since the seen point was missed.
      pending = false;
      const range = missedRangeOf(s, seen ?? null);
      // Nothing new since the last look: an earlier summary not yet dismissed stays (and is
      // summarised again: it may have been edited meanwhile).
      if (range || seen === undefined) {
        set({ range, kind: seen === undefined ? 'joined' : 'away', revision: ++revision });
      } else if (state.range) set({ ...state, revision: ++revision });
    } else if (state.range && previous && touchesRange(previous, s)) {
      set({ ...state, revision: ++revision });
    }
    seen = s.ids.last() ?? null;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    open() {
      readers++;
      if (readers === 1) {
        pending = true;
        unsubscribe = store.subscribe(follow);
        follow(store.getState());
      }
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        readers--;
        if (readers === 0) {
          unsubscribe?.();
          unsubscribe = null;
          pending = false;
        }
      };
    },
    dismiss() {
      if (state.range !== null) set({ ...state, range: null });
    },
  };
}

/** The one tracker of `store` (shared by every hook reading it). */
export function getMissedTracker(store: ChatStore): MissedTracker {
  let tracker = trackers.get(store);
  if (!tracker) {
    tracker = createMissedTracker(store);
    trackers.set(store, tracker);
  }
  return tracker;
}
