'use client';
import type { ChatEntry } from '@natter/core';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

/** One message by id; re-renders only when that message changes. `undefined` once deleted. */
export function useMessage(id: string, options: ChatHookOptions = {}): ChatEntry | undefined {
  const store = useChatStore(options);
  return useChatSelector(store, (s) => s.byId.get(id));
}
