'use client';
import { useEffect, useRef } from 'react';
import type { ChatStore } from '@natter/core';
import { useChatSelector } from '@natter/hooks';
import type { ChatVirtualizer } from './ChatVirtualizer';

/** Within this distance of the top, older history is loaded. */
const LOAD_OLDER_PX = 240;

/**
 * Older-page loading: scrolling near the top loads the previous page of history, one request at
 * a time (the virtualizer keeps the visible message in place when it arrives). Returns whether a
 * page is loading.
 */
export function useOlderPages(store: ChatStore, virtualizer: ChatVirtualizer): boolean {
  const isLoadingOlder = useChatSelector(store, (s) => s.isLoadingOlder);
  const armed = useRef(true);
  useEffect(
    () =>
      virtualizer.onScrolled((_bottom, scrollTop) => {
        if (scrollTop > LOAD_OLDER_PX) return;
        const state = store.getState();
        if (!armed.current || !state.hasOlder || state.isLoadingOlder) return;
        armed.current = false;
        store
          .loadOlder()
          .catch(() => undefined)
          .finally(() => {
            armed.current = true;
          });
      }),
    [store, virtualizer],
  );
  return isLoadingOlder;
}
