// Public entry of @natter/ui. Each component is exported by name below. No 'use client' here:
// the component modules carry it, so the pure helpers (formatBytes, initialsOf, defaultStrings,
// loadStrings, plural) stay usable from React Server Components. Other helpers (link parsing,
// URL checks, pin excerpts) are internals: not exported.
// The provider every part reads, so a panel needs one import (and one package): `@natter/ui`.
export { ChatProvider } from '@natter/hooks';
export type { ChatProviderProps } from '@natter/hooks';
export { defaultStrings } from './strings/defaultStrings';
export type { NatterStrings } from './strings/defaultStrings';
export { StringsProvider, useStrings } from './strings/StringsProvider';
export type { StringsProviderProps } from './strings/StringsProvider';
export { loadStrings, shippedLocales } from './strings/loadStrings';
export { plural, formatCount } from './strings/plural';
export type { PluralForms } from './strings/plural';
export { ListControllerContext, useJumpToMessage, useListControllerRef } from './listController';
export type { ListControllerRef, MessageListController } from './listController';
export { formatBytes } from './utils/format';
export { MessageList } from './MessageList/MessageList';
export type { MessageListLayout, MessageListProps } from './MessageList/MessageList';
export type { NatterTheme } from './utils/theme';
export { Message, initialsOf } from './Message/Message';
export type { MessageOrigin, MessageProps } from './Message/Message';
export type { CustomEntry } from './Message/MessageContent';
export { MessageText } from './Message/MessageText';
export type { MessageTextProps } from './Message/MessageText';
export { MessageTime } from './Message/MessageTime';
export type { MessageTimeProps } from './Message/MessageTime';
export { mentionsOf, mentionsSelf, splitMentions } from './Message/mentions';
export type { Mentions } from './Message/mentions';
export { ImagePreview } from './ImagePreview/ImagePreview';
export type { ImagePreviewProps, ImagePreviewState } from './ImagePreview/ImagePreview';
export { Lightbox } from './Lightbox/Lightbox';
export type { LightboxImage, LightboxProps } from './Lightbox/Lightbox';
export { FileChip } from './FileChip/FileChip';
export type { FileChipProps } from './FileChip/FileChip';
export type { FileType } from './FileChip/fileType';
export { ReplayView } from './ReplayView/ReplayView';
export type { ReplayViewProps } from './ReplayView/ReplayView';
export { Composer, useComposer, useComposerDropZone, AttachmentPreview } from './Composer';
export { ComposerContext, useComposerContext, useComposerControllerRef } from './Composer';
export type {
  ComposerProps,
  ComposerMode,
  ComposerStatus,
  UseComposerOptions,
  UseComposerResult,
  ComposerIds,
  ComposerPropGetters,
  ComposerAttachment,
  AttachmentPreviewProps,
  UseComposerDropZoneOptions,
  UseComposerDropZoneResult,
  ComposerController,
  ComposerControllerRef,
  UseComposerContextResult,
} from './Composer';
export { ConversationSwitcher } from './ConversationSwitcher';
export type { ConversationSwitcherProps } from './ConversationSwitcher';
export { PinBar } from './PinBar';
export type { PinBarProps } from './PinBar';
export { MessageActions, PinToggle, usePinToggle } from './MessageActions';
export type {
  MessageActionsProps,
  PinToggleProps,
  UsePinToggleOptions,
  UsePinToggleResult,
} from './MessageActions';
export { DownloadChatButton } from './DownloadChatButton';
export type { DownloadChatButtonProps } from './DownloadChatButton';
export { ChatPanel } from './ChatPanel';
export type { ChatPanelProps, PanelSlot } from './ChatPanel';
export { MessageFilter, useMessageFilter } from './MessageFilter';
export type {
  MessageFilterMatches,
  MessageFilterProps,
  FilterParticipant,
  UseMessageFilterOptions,
  UseMessageFilterResult,
} from './MessageFilter';
export { MissedSummary, useMissedSummary } from './MissedSummary';
export type {
  MissedSummaryProps,
  MissedKind,
  UseMissedSummaryOptions,
  UseMissedSummaryResult,
} from './MissedSummary';
export { MeetingTimeProvider } from './Message/meetingTime';
/** Core's one meeting-relative time rule ("+12:30"), re-exported: it costs nothing. */
export { formatElapsed } from '@natter/core';
export type { MeetingTimeProviderProps } from './Message/meetingTime';
