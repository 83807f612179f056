'use client';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent, RefObject } from 'react';
import type { IdList } from '@natter/core';
import type { ChatVirtualizer } from './ChatVirtualizer';
import { useRowTabStops } from './useRowTabStops';

export interface RovingFocus {
  /** The row key holding the list's one tab stop (null: the log itself). */
  focusedKey: string | null;
  /** Makes row `key` current and focuses it, now or as soon as it is rendered. */
  focusKey: (key: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: (event: FocusEvent<HTMLDivElement>) => void;
}

/**
 * Roving focus over the log's rows: arrow keys, Home and End move between messages (scrolling the
 * target into view, rendering it first if needed), and the list keeps one tab stop.
 */
export function useRovingFocus(
  scrollRef: RefObject<HTMLElement | null>,
  ids: IdList,
  keyOf: (id: string) => string,
  virtualizer: ChatVirtualizer,
): RovingFocus {
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  // Move focus to a row, if it is rendered.
  const focusRow = useCallback(
    (key: string): boolean => {
      const rows = scrollRef.current?.querySelectorAll<HTMLElement>('[data-natter-row]') ?? [];
      for (const row of rows) {
        if (row.dataset.key !== key) continue;
        row.querySelector<HTMLElement>('[data-natter-message]')?.focus({ preventScroll: true });
        return true;
      }
      return false;
    },
    [scrollRef],
  );
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key !== null && focusRow(key)) pendingFocus.current = null;
  });
  const focusKey = useCallback(
    (key: string) => {
      setFocusedKey(key);
      if (!focusRow(key)) pendingFocus.current = key;
    },
    [focusRow],
  );
  const focusIndex = (index: number) => {
    if (ids.length === 0) return;
    const i = Math.min(Math.max(index, 0), ids.length - 1);
    const key = keyOf(ids.at(i) ?? '');
    setFocusedKey(key);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    if (!focusRow(key)) pendingFocus.current = key;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const onRow = target.hasAttribute('data-natter-message');
    // Keys inside a message's own controls (links, menus) are theirs.
    if (!onRow && target !== event.currentTarget) return;
    const current = onRow
      ? Number(target.closest('[data-index]')?.getAttribute('data-index') ?? -1)
      : -1;
    const last = ids.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = current < 0 ? last : current + 1;
        break;
      case 'ArrowUp':
        next = current < 0 ? last : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    focusIndex(next);
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Focus anywhere in a row (its message, a link, its actions) makes it the current row.
    const key = target.closest<HTMLElement>('[data-natter-row]')?.dataset.key;
    if (key !== undefined) setFocusedKey(key);
  };

  useRowTabStops(scrollRef, focusedKey);
  return { focusedKey, focusKey, onKeyDown, onFocus };
}
