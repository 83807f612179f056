'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { Participant } from '@natter/core';
import { useMeetingStore, noSubscribe } from './useMeetingStore';
import type { MeetingHookOptions } from './useMeetingStore';

export interface UseParticipantsResult {
  /** Everyone known: joined first (you included), then those who left; stable until one changes. */
  participants: readonly Participant[];
  /** The people you can talk to now: joined, not you. */
  others: readonly Participant[];
  /** By user id (the id messages carry), including people who left. */
  get(userId: string): Participant | undefined;
  /** A display name for a user id: the participant's, else `fallback`. */
  nameOf(userId: string, fallback?: string): string;
}

const NONE: readonly Participant[] = [];
const none = () => NONE;
const othersCache = new WeakMap<readonly Participant[], readonly Participant[]>();
function othersOf(list: readonly Participant[]): readonly Participant[] {
  let others = othersCache.get(list);
  if (!others) {
    others = list.filter((p) => !p.isSelf && p.status === 'joined');
    othersCache.set(list, others);
  }
  return others;
}

/**
 * The people in the meeting, from `meeting.participants.joined` (and `meeting.self`), live as
 * they join and leave. People who left stay known (with `status: 'left'`) so their messages and
 * conversations keep a name. Empty without a meeting.
 *
 * @example
 * ```tsx
 * const { others } = useParticipants()
 * return <ul>{others.map((p) => <li key={p.userId}>{p.name}</li>)}</ul>
 * ```
 */
export function useParticipants(options: MeetingHookOptions = {}): UseParticipantsResult {
  const store = useMeetingStore(options);
  const participants = useSyncExternalStore(
    store ? store.subscribe : noSubscribe,
    store ? store.getParticipants : none,
    store ? store.getParticipants : none,
  );
  const get = useCallback(
    (userId: string) => participants.find((p) => p.userId === userId),
    [participants],
  );
  const nameOf = useCallback(
    (userId: string, fallback = userId) => get(userId)?.name || fallback,
    [get],
  );
  return { participants, others: othersOf(participants), get, nameOf };
}
