'use client';
import { getMeetingStore } from '@natter/core';
import type { MeetingLike, MeetingStore } from '@natter/core';
import { useOptionalChatContext } from './ChatContext';

/** Meeting hooks take an explicit `meeting` that overrides the provider's. */
export interface MeetingHookOptions {
  meeting?: MeetingLike;
}

/** The meeting store to read: explicit `meeting`, else the provider's; undefined for a bare chat. */
export function useMeetingStore(options: MeetingHookOptions = {}): MeetingStore | undefined {
  const context = useOptionalChatContext();
  if (options.meeting) return getMeetingStore(options.meeting);
  return context?.meetingStore;
}

const noop = () => () => undefined;
export const noSubscribe: (listener: () => void) => () => void = noop;
