'use client';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { getChatStore } from '@natter/core';
import type { ChatLike, ChatStoreOptions } from '@natter/core';
import { ChatContext } from './ChatContext';
import { createLazyQueryClient } from './lazyQueryClient';
import type { ChatContextValue, ReplayConfig } from './ChatContext';

export interface ChatProviderProps {
  /** `meeting.chat` of RealtimeKit or Dyte, `createLocalChat()`, or any `ChatLike`. */
  chat: ChatLike;
  /** The local participant (`meeting.self.userId`): marks own messages and matches sends. */
  selfUserId?: string;
  selfDisplayName?: string;
  /** Your app's TanStack Query client; when absent, one is created when an export first needs it. */
  queryClient?: QueryClient;
  /** Where the download button gets the chat dump link: your app's endpoint. */
  replay?: ReplayConfig;
  /** Store options (page size, file size limit, logger); read when the chat's store is created. */
  storeOptions?: Omit<ChatStoreOptions, 'selfUserId' | 'selfDisplayName'>;
  children?: ReactNode;
}

/**
 * Makes a chat object available to Natter's hooks and components. Context carries only the
 * dependencies; the state lives in the chat's one shared store.
 *
 * @example
 * ```tsx
 * <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId} replay={{ endpoint: '/api/chat-replay', sessionId }}>
 *   <ChatPanel />
 * </ChatProvider>
 * ```
 */
export function ChatProvider({
  chat,
  selfUserId,
  selfDisplayName,
  queryClient,
  replay,
  storeOptions,
  children,
}: ChatProviderProps) {
  const [ownQueryClient] = useState(createLazyQueryClient);
  const store = getChatStore(chat, {
    ...storeOptions,
    ...(selfUserId === undefined ? {} : { selfUserId }),
    ...(selfDisplayName === undefined ? {} : { selfDisplayName }),
  });
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
  const stableReplay = useMemo<ReplayConfig | undefined>(
    () =>
      replayKey === ''
        ? undefined
        : ({
            ...JSON.parse(replayKey),
            ...(fetchDownloadUrl ? { fetchDownloadUrl } : {}),
          } as ReplayConfig),
    [replayKey, fetchDownloadUrl],
  );
  const value = useMemo<ChatContextValue>(
    () => ({
      store,
      getQueryClient: queryClient ? () => Promise.resolve(queryClient) : ownQueryClient.get,
      replay: stableReplay,
      selfUserId,
    }),
    [store, queryClient, ownQueryClient, stableReplay, selfUserId],
  );
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
