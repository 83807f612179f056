'use client';
import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatStore, IdList } from '@natter/core';
import { ListControllerContext } from '../listController';
import type { MessageListController } from '../listController';
import type { ChatVirtualizer } from './ChatVirtualizer';

const HIGHLIGHT_MS = 2000;

/**
 * Jump to a message: load older history until it is listed (when the store knows it), scroll it
 * to the middle, focus and briefly highlight it (`highlightKey`, for {@link HIGHLIGHT_MS}). The
 * list registers `jumpTo` and `scrollToBottom` with the nearest `ListControllerContext`, through
 * which the pin bar and search call them.
 */
export function useJumpTo(
  store: ChatStore,
  ids: IdList,
  virtualizer: ChatVirtualizer,
  focusKey: (key: string) => void,
  scrollToBottom: () => void,
): string | null {
  const [highlightKey, setHighlightKey] = useState<string | null>(null);
  const idsRef = useRef(ids);
  const commitWaiters = useRef<(() => void)[]>([]);
  useLayoutEffect(() => {
    idsRef.current = ids;
    for (const resolve of commitWaiters.current.splice(0)) resolve();
  }, [ids]);
  const jumpTo = useCallback(
    async (id: string): Promise<boolean> => {
      let index = idsRef.current.indexOf(id);
      if (index < 0) {
        const { loadUntilListed } = await import('./loadUntilListed');
        const nextCommit = () =>
          Promise.race([
            new Promise<void>((resolve) => commitWaiters.current.push(resolve)),
            new Promise<void>((resolve) => setTimeout(resolve, 250)),
          ]);
        index = await loadUntilListed(store, id, (x) => idsRef.current.indexOf(x), nextCommit);
      }
      if (index < 0) return false;
      const key = String(store.getState().byId.get(id)?.clientKey ?? id);
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightKey(key);
      focusKey(key);
      return true;
    },
    [store, virtualizer, focusKey],
  );
  useEffect(() => {
    if (highlightKey === null) return undefined;
    const timer = setTimeout(() => setHighlightKey(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightKey]);

  const controllerRef = useContext(ListControllerContext);
  useEffect(() => {
    if (!controllerRef) return undefined;
    const controller: MessageListController = { jumpTo, scrollToBottom };
    controllerRef.current = controller;
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [controllerRef, jumpTo, scrollToBottom]);
  return highlightKey;
}
