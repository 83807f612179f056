'use client';
import { createContext, useCallback, useContext, useMemo, useRef } from 'react';
import type { MutableRefObject } from 'react';

/** What a mounted composer lets its siblings (message actions, the panel's drop zone) do. */
export interface ComposerController {
  /** Puts text message `id` in the composer for editing; false when it cannot be edited. */
  startEdit(id: string): boolean;
  /** Adds files as attachments (images get a preview). */
  addFiles(files: Iterable<File>): void;
  focus(): void;
}

export type ComposerControllerRef = MutableRefObject<ComposerController | null>;

/**
 * Provided by `ChatPanel` (or your layout): the composer registers itself, message actions and
 * drop zones call it.
 *
 * @example
 * ```tsx
 * const composer = useComposerControllerRef()
 * <ComposerContext.Provider value={composer}>
 *   <MessageList renderActions={(m) => <MessageActions message={m} />} />
 *   <Composer />
 * </ComposerContext.Provider>
 * ```
 */
export const ComposerContext = createContext<ComposerControllerRef | null>(null);

/** A ref to hold the composer's controller; pass it to `ComposerContext.Provider`. */
export function useComposerControllerRef(): ComposerControllerRef {
  return useRef<ComposerController | null>(null);
}

export interface UseComposerContextResult {
  /** Whether a `ComposerContext` is provided (message actions offer Edit only then). */
  isAvailable: boolean;
  startEdit(id: string): boolean;
  addFiles(files: Iterable<File>): void;
  focus(): void;
}

/** Talks to the composer of the nearest `ComposerContext`; every call is a no-op without one. */
export function useComposerContext(): UseComposerContextResult {
  const ref = useContext(ComposerContext);
  const startEdit = useCallback((id: string) => ref?.current?.startEdit(id) ?? false, [ref]);
  const addFiles = useCallback((files: Iterable<File>) => ref?.current?.addFiles(files), [ref]);
  const focus = useCallback(() => ref?.current?.focus(), [ref]);
  return useMemo(
    () => ({ isAvailable: ref !== null, startEdit, addFiles, focus }),
    [ref, startEdit, addFiles, focus],
  );
}
