'use client';
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ChatExportPolicy, ChatStore, MeetingStore, ReplayLinkSource } from '@natter/core';

/** How the export hooks reach the Replay API: the app's own endpoint, never the API token. */
export type ReplayConfig = ReplayLinkSource & {
  /** The session whose chat is exported, when the hooks are not given one. */
  sessionId?: string;
};

export interface ChatContextValue {
  store: ChatStore;
  /** The app's TanStack Query client, or the provider's own, created when an export first needs it. */
  getQueryClient(): Promise<QueryClient>;
  replay: ReplayConfig | undefined;
  /** Who self is, as the chat's store knows it (see `ChatStore.getSelf`). */
  selfUserId: string | undefined;
  /** Set when the provider was given a `meeting`: its permissions and participants. */
  meetingStore?: MeetingStore | undefined;
  /** `meeting.meta.meetingTitle`, when the provider was given a meeting: names the export. */
  meetingTitle?: string | undefined;
  /** What exports the app allows (`false`: none). */
  exportPolicy?: ChatExportPolicy | false | undefined;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

/** The provider's value or null, for hooks that can also work from an explicit `chat`. */
export function useOptionalChatContext(): ChatContextValue | null {
  return useContext(ChatContext);
}
