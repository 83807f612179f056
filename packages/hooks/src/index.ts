// No 'use client' here: each hook and ChatProvider carry it, so the barrel stays importable from
// React Server Components.
export { ChatProvider } from './ChatProvider';
export type { ChatProviderProps } from './ChatProvider';
export type { ChatContextValue, ReplayConfig } from './ChatContext';
export { useChatStore, useChatSelector } from './useChatStore';
export type { ChatHookOptions } from './useChatStore';
export { useChat } from './useChat';
export type { UseChatResult } from './useChat';
export { useMessageIds } from './useMessageIds';
export { useMessage } from './useMessage';
export type { UseMessageOptions } from './useMessage';
export { useMessagesByUser, useMessagesByType } from './useMessagesBy';
export type { UseMessagesByTypeOptions, UseMessagesByUserOptions } from './useMessagesBy';
export { usePinned } from './usePinned';
export type { UsePinnedResult } from './usePinned';
export { useChatExport } from './useChatExport';
export type {
  ChatExportError,
  ChatExportProgress,
  ChatExportStatus,
  ChatExportDownloadOptions,
  ChatFilesDownloadOptions,
  UseChatExportOptions,
  UseChatExportResult,
} from './useChatExport';
export { chatExportFilename } from './chatExportFilename';
export type { ChatExportNamer } from './chatExportFilename';
export { useSelfUserId } from './useSelfUserId';
export { useChatPermissions } from './useChatPermissions';
export type { MessageAction, UseChatPermissionsResult } from './useChatPermissions';
export { useParticipants } from './useParticipants';
export type { UseParticipantsResult } from './useParticipants';
export type { MeetingHookOptions } from './useMeetingStore';
export { useConversations, EVERYONE } from './useConversations';
export type { UseConversationsResult } from './useConversations';
export { conversationOf } from './conversationIndex';
export { useUnreadCount } from './useUnreadCount';
export type { UseUnreadCountOptions, UseUnreadCountResult } from './useUnreadCount';
export type { Conversation } from './conversationIndex';
