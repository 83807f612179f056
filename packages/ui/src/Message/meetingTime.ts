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
