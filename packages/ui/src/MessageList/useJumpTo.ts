'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatStore, IdList } from '@natter/core';
import type { ChatVirtualizer } from './ChatVirtualizer';

const HIGHLIGHT_MS = 2000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface JumpTo {
  /** Scrolls message `id` into view (loading older pages until it is listed), focuses it. */
  jumpTo: (id: string) => Promise<boolean>;
  /** The row key highlighted after a jump, for {@link HIGHLIGHT_MS} (null: none). */
  highlightKey: string | null;
}

/**
 * Jump to a message: load older history until it is listed (when the store knows it), scroll it
 * to the middle, focus and briefly highlight it.
 */
export function useJumpTo(
  store: ChatStore,
  ids: IdList,
  virtualizer: ChatVirtualizer,
  focusKey: (key: string) => void,
): JumpTo {
  const [highlightKey, setHighlightKey] = useState<string | null>(null);
  const idsRef = useRef(ids);
  const commitWaiters = useRef<(() => void)[]>([]);
  useLayoutEffect(() => {
    idsRef.current = ids;
    for (const resolve of commitWaiters.current.splice(0)) resolve();
  }, [ids]);
  const nextCommit = useCallback(
    () =>
      Promise.race([
        new Promise<void>((resolve) => commitWaiters.current.push(resolve)),
        delay(250),
      ]),
    [],
  );
  const jumpTo = useCallback(
    async (id: string): Promise<boolean> => {
      let index = idsRef.current.indexOf(id);
      for (let page = 0; index < 0 && page < 200; page++) {
        const state = store.getState();
        if (!state.byId.has(id) || !state.hasOlder) break;
        await store.loadOlder().catch(() => undefined);
        if (store.getState().ids.indexOf(id) >= 0) {
          await nextCommit();
          index = idsRef.current.indexOf(id);
          break;
        }
      }
      if (index < 0) return false;
      const key = String(store.getState().byId.get(id)?.clientKey ?? id);
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightKey(key);
      focusKey(key);
      return true;
    },
    [store, virtualizer, focusKey, nextCommit],
  );
  useEffect(() => {
    if (highlightKey === null) return undefined;
    const timer = setTimeout(() => setHighlightKey(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightKey]);
  return { jumpTo, highlightKey };
}
