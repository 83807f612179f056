'use client';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { getChatStore, getMeetingStore } from '@natter/core';
import type {
  ChatExportPolicy,
  ChatLike,
  ChatStoreOptions,
  MeetingLike,
  MessageActionRules,
} from '@natter/core';
import { ChatContext } from './ChatContext';
import { createLazyQueryClient } from './lazyQueryClient';
import type { ChatContextValue, ReplayConfig } from './ChatContext';

interface ChatProviderBaseProps {
  /**
   * The local participant (default `meeting.self.userId`): marks own messages and matches sends
   * with their echo. Handed to the chat's store on every render, so a change takes effect (the
   * store is where every hook and component reads who self is).
   */
  selfUserId?: string;
  /** The local participant's name on own sends not yet confirmed (default `meeting.self.name`). */
  selfDisplayName?: string;
  /** Your app's TanStack Query client; when absent, one is created when an export first needs it. */
  queryClient?: QueryClient;
  /** Where the download button gets the chat dump link: your app's endpoint. */
  replay?: ReplayConfig;
  /**
   * What exports people may make, for meetings where policy limits them: `false` turns export off
   * (no download button), or list the allowed choices, e.g. `{ names: ['anonymised'] }`. Default:
   * everything.
   */
  exportPolicy?: ChatExportPolicy | false;
  /** Store options (page size, file size limit, logger); read when the chat's store is created. */
  storeOptions?: Omit<ChatStoreOptions, 'selfUserId' | 'selfDisplayName'>;
  children?: ReactNode;
}

export type ChatProviderProps = ChatProviderBaseProps &
  (
    | {
        /**
         * The RealtimeKit or Dyte client as you hold it (or `createDevMeeting(chat)`): the kit
         * reads `meeting.chat`, `meeting.self` (who you are, `self.permissions`) and
         * `meeting.participants`, and offers only what the host allows.
         */
        meeting: MeetingLike;
        /** Overrides `meeting.chat`. */
        chat?: ChatLike;
        /** Overrides who may edit, delete and pin (the SDK presets do not say; backends may). */
        messageRules?: Partial<MessageActionRules>;
      }
    | {
        /** `meeting.chat` of RealtimeKit or Dyte, `createLocalChat()`, or any `ChatLike`. Alone, everything is allowed. */
        chat: ChatLike;
        meeting?: undefined;
        messageRules?: undefined;
      }
  );

/**
 * Makes a chat object available to Natter's hooks and components. Context carries only the
 * dependencies; the state lives in the chat's one shared store.
 *
 * @example
 * ```tsx
 * <ChatProvider meeting={meeting} replay={{ endpoint: '/api/chat-replay', sessionId }}>
 *   <ChatPanel />
 * </ChatProvider>
 * ```
 */
export function ChatProvider({
  chat: chatProp,
  meeting,
  messageRules,
  selfUserId: selfUserIdProp,
  selfDisplayName: selfDisplayNameProp,
  queryClient,
  replay,
  exportPolicy,
  storeOptions,
  children,
}: ChatProviderProps) {
  const chat = chatProp ?? (meeting as MeetingLike).chat;
  const selfUserId = selfUserIdProp ?? (meeting?.self.userId || undefined);
  const selfDisplayName = selfDisplayNameProp ?? (meeting?.self.name || undefined);
  const meetingStore = meeting ? getMeetingStore(meeting, messageRules) : undefined;
  const meetingTitle = meeting?.meta?.meetingTitle || undefined;
  const [ownQueryClient] = useState(createLazyQueryClient);
  // The one path for who self is: this provider tells the store (a change replaces it, see
  // `getChatStore`), and reads it back, so a store that learnt it from the chat object says so too.
  const store = getChatStore(chat, { ...storeOptions, selfUserId, selfDisplayName });
  const self = store.getSelf()?.userId;
  useEffect(() => {
    if (!queryClient) {
      ownQueryClient.mount();
      return () => ownQueryClient.unmount();
    }
    return undefined;
  }, [queryClient, ownQueryClient]);
  // The config is usually written inline: key it on its content, not its identity.
  const replayKey = replay ? JSON.stringify({ ...replay, fetchDownloadUrl: undefined }) : '';
  const fetchDownloadUrl =
    replay && 'fetchDownloadUrl' in replay ? replay.fetchDownloadUrl : undefined;
  const stableReplay = useMemo<ReplayConfig | undefined>(() => {
    if (replayKey === '') return undefined;
    const config = JSON.parse(replayKey) as ReplayConfig;
    // Kept absent when unset: `'fetchDownloadUrl' in replay` tells the two config shapes apart.
    return fetchDownloadUrl ? { ...config, fetchDownloadUrl } : config;
  }, [replayKey, fetchDownloadUrl]);
  // Usually written inline too: keyed on its content.
  const policyKey = exportPolicy === undefined ? '' : JSON.stringify(exportPolicy);
  const stablePolicy = useMemo<ChatExportPolicy | false | undefined>(
    () => (policyKey === '' ? undefined : (JSON.parse(policyKey) as ChatExportPolicy | false)),
    [policyKey],
  );
  const value = useMemo<ChatContextValue>(
    () => ({
      store,
      getQueryClient: queryClient ? () => Promise.resolve(queryClient) : ownQueryClient.get,
      replay: stableReplay,
      selfUserId: self,
      meetingStore,
      meetingTitle,
      exportPolicy: stablePolicy,
    }),
    [
      store,
      queryClient,
      ownQueryClient,
      stableReplay,
      self,
      meetingStore,
      meetingTitle,
      stablePolicy,
    ],
  );
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
