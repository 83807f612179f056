'use client';
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';

/** When the meeting started (ms), for meeting-relative times; null: times are absolute. */
const MeetingTimeContext = createContext<number | null>(null);

/** The meeting start that times below are shown relative to, or null (absolute times). */
export function useMeetingStart(): number | null {
  return useContext(MeetingTimeContext);
}

export interface MeetingTimeProviderProps {
  /** The meeting's start; null or undefined keeps absolute times. */
  startedAt: Date | number | null | undefined;
  children?: ReactNode;
}

/**
 * Shows every message time below it relative to the meeting's start ("+12:30"), as `ChatPanel`
 * and `ReplayView` do with `timeFormat="meeting"`.
 *
 * @example
 * ```tsx
 * <MeetingTimeProvider startedAt={meeting.meta.startedAt}><MessageList /></MeetingTimeProvider>
 * ```
 */
export function MeetingTimeProvider({ startedAt, children }: MeetingTimeProviderProps) {
  return createElement(
    MeetingTimeContext.Provider,
    { value: startedAt == null ? null : +startedAt || null },
    children,
  );
}

/** `+12:30`, `+1:02:03`, `−0:45` (before the start): the time since `start`, to the second. */
export function formatElapsed(ms: number, start: number): string {
  const total = Math.round((ms - start) / 1000);
  const s = Math.abs(total);
  // h:mm:ss from an ISO time; an hour-less time drops "0:" (and a leading zero of the minutes).
  const clock = new Date(s * 1000)
    .toISOString()
    .slice(11, 19)
    .replace(/^0(0:0?)?/, '');
  return (
    (total < 0 ? '\u2212' : '+') + (s >= 86_400 ? Math.floor(s / 3600) + clock.slice(-6) : clock)
  );
}
