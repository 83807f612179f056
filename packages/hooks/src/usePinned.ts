'use client';
import { useCallback } from 'react';
import type { ChatEntry, ChatState } from '@natter/core';
import { shallowArrayEqual } from './shallowArrayEqual';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

export interface UsePinnedResult {
  /** Pinned messages in the order they were pinned. */
  pinned: readonly ChatEntry[];
  pin(id: string): Promise<void>;
  unpin(id: string): Promise<void>;
  /** Pins an unpinned message, unpins a pinned one. */
  toggle(id: string): Promise<void>;
  isPinned(id: string): boolean;
}

const selectPinned = (s: ChatState): ChatEntry[] => {
  const out: ChatEntry[] = [];
  for (const id of s.pinnedIds) {
    const entry = s.byId.get(id);
    if (entry) out.push(entry);
  }
  return out;
};

/**
 * Pinned messages and pin actions. Pins are derived from `message.pinned` by Natter's store, so
 * this works whether or not the SDK has a `pinned` getter.
 *
 * @example
 * ```tsx
 * const { pinned, toggle } = usePinned()
 * ```
 */
export function usePinned(options: ChatHookOptions = {}): UsePinnedResult {
  const store = useChatStore(options);
  const pinned = useChatSelector(store, selectPinned, shallowArrayEqual);
  const isPinned = useCallback((id: string) => store.getState().pinnedIds.includes(id), [store]);
  const toggle = useCallback(
    (id: string) => (store.getState().pinnedIds.includes(id) ? store.unpin(id) : store.pin(id)),
    [store],
  );
  return { pinned, pin: store.pin, unpin: store.unpin, toggle, isPinned };
}
