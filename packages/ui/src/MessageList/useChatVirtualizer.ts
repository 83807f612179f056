'use client';
import { useEffect, useLayoutEffect, useReducer, useState } from 'react';
import { createChatVirtualizer } from './ChatVirtualizer';
import type { ChatVirtualizer } from './ChatVirtualizer';
import type { ChatVirtualizerOptions } from './ChatVirtualizer';

/** The hook: one `ChatVirtualizer` per list, re-rendering when the visible rows change. */
export function useChatVirtualizer(options: ChatVirtualizerOptions): ChatVirtualizer {
  const [virtualizer] = useState(() => createChatVirtualizer(options));
  // Options are pushed on every render (cheap when `ids` is unchanged), so rows are computed
  // from the current ids in this very render.
  virtualizer.setOptions(options);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => virtualizer.subscribe(rerender), [virtualizer]);
  const { scrollRef } = options;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const onScroll = virtualizer.handleScrollEvent;
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => virtualizer.afterCommit());
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
    };
  }, [virtualizer, scrollRef]);
  useLayoutEffect(() => virtualizer.afterCommit());
  useEffect(() => () => virtualizer.destroy(), [virtualizer]);
  return virtualizer;
}
