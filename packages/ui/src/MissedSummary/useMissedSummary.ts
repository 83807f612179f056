'use client';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { summarizeMissed } from '@natter/core';
import type { MissedSummary } from '@natter/core';
import { getMissedTracker } from './missedTracker';
import type { MissedKind } from './missedTracker';
import { useChatStore, useSelfUserId } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';

export interface UseMissedSummaryOptions extends ChatHookOptions {
  /**
   * The reader sees the chat now (default true: a mounted panel). When it turns true again, what
   * arrived since it was last true is the missed range.
   */
  isRead?: boolean;
}

export interface UseMissedSummaryResult {
  /** What the reader missed, or null (nothing missed, or dismissed). */
  summary: MissedSummary | null;
  /** `joined`: the history before they first opened the chat; `away`: since they closed it. */
  kind: MissedKind;
  /** Hides the summary until the reader misses something again. */
  dismiss(): void;
}

/**
 * What a reader missed: for a late joiner the history that was there when they opened the chat,
 * for someone coming back to a collapsed panel what arrived meanwhile. Counts others' messages,
 * names who wrote, and lists the pins and files among them (each with its id, to jump to).
 *
 * @example
 * ```tsx
 * const { summary, dismiss } = useMissedSummary()
 * if (summary) return <p>{summary.count} messages from {summary.senders[0]?.name} <button onClick={dismiss}>OK</button></p>
 * ```
 */
export function useMissedSummary(options: UseMissedSummaryOptions = {}): UseMissedSummaryResult {
  const store = useChatStore(options);
  const self = useSelfUserId();
  const tracker = getMissedTracker(store);
  const isRead = options.isRead !== false;
  useEffect(() => (isRead ? tracker.open() : undefined), [tracker, isRead]);
  const { range, kind, revision } = useSyncExternalStore(
    tracker.subscribe,
    tracker.getState,
    tracker.getState,
  );
  // Computed again when the range may have changed (an edit, a pin, a delete in it), not for
  // each new message after it; nothing is computed once dismissed.
  const summary = useMemo(() => {
    if (!range || revision < 0) return null;
    const s = summarizeMissed(store.getState(), range, self);
    return s.count > 0 ? s : null;
  }, [store, range, revision, self]);
  const dismiss = useCallback(() => tracker.dismiss(), [tracker]);
  return { summary, kind, dismiss };
}
