'use client';
import type { ChatStore } from '@natter/core';
import { useSelfUserId } from '@natter/hooks';

/**
 * Who self is for the store a component shows: the store's own answer (`ChatStore.getSelf`, which
 * `ChatProvider` keeps up to date from its `selfUserId`), else the provider's. The components take
 * no `selfUserId` of their own: the store is the one source. Reading the provider's context
 * re-renders the caller when the provider's self changes.
 */
export function useSelfOf(store: ChatStore): string | undefined {
  const contextSelf = useSelfUserId();
  return store.getSelf()?.userId ?? contextSelf;
}
