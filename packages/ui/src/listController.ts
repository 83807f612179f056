'use client';
import { createContext, useCallback, useContext, useRef } from 'react';
import type { MutableRefObject } from 'react';

/** What a mounted `MessageList` lets its siblings (pin bar, search) do. */
export interface MessageListController {
  /** Scrolls message `id` into view (loading history around it if needed) and highlights it. */
  jumpTo(id: string): Promise<boolean>;
  scrollToBottom(): void;
}

export type ListControllerRef = MutableRefObject<MessageListController | null>;

/** Provided by `ChatPanel` (or your layout): the list registers itself, the pin bar calls it. */
export const ListControllerContext = createContext<ListControllerRef | null>(null);

/** A ref to hold the list's controller; pass it to `ListControllerContext.Provider`. */
export function useListControllerRef(): ListControllerRef {
  return useRef<MessageListController | null>(null);
}

/** Jumps to a message in the nearest `MessageList`; resolves false when there is none. */
export function useJumpToMessage(): (id: string) => Promise<boolean> {
  const ref = useContext(ListControllerContext);
  return useCallback((id: string) => ref?.current?.jumpTo(id) ?? Promise.resolve(false), [ref]);
}
