'use client';
import type { MeetingStore } from '@natter/core';
import { useOptionalChatContext } from './ChatContext';

/** Meeting hooks take an explicit meeting store (`getMeetingStore(meeting)`) that overrides the provider's. */
export interface MeetingHookOptions {
  meetingStore?: MeetingStore;
}

/** The meeting store to read: explicit, else the provider's; undefined for a bare chat. */
export function useMeetingStore(options: MeetingHookOptions = {}): MeetingStore | undefined {
  const context = useOptionalChatContext();
  return options.meetingStore ?? context?.meetingStore;
}

const noop = () => () => undefined;
export const noSubscribe: (listener: () => void) => () => void = noop;
