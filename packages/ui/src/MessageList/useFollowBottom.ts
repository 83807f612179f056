'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { IdList } from '@natter/core';
import type { ChatVirtualizer } from './ChatVirtualizer';

/**
 * Follow-bottom as the list shows it: starts at the newest message once there is history, and
 * whether the reader is at the bottom (`data-state`, the jump button). The virtualizer owns the
 * tracking (`isAtBottom()`, and following new rows while there); this only mirrors it into state.
 */
export function useFollowBottom(virtualizer: ChatVirtualizer, ids: IdList): boolean {
  const [atBottom, setAtBottom] = useState(true);
  useEffect(() => virtualizer.onScrolled((bottom) => setAtBottom(bottom)), [virtualizer]);

  // Start at the newest message once there is history.
  const startedAtEnd = useRef(false);
  useLayoutEffect(() => {
    if (startedAtEnd.current || ids.length === 0) return;
    startedAtEnd.current = true;
    virtualizer.scrollToEnd();
  }, [ids.length, virtualizer]);
  return atBottom;
}
