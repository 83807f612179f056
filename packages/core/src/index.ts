export type {
  BaseMessage,
  ChatLike,
  ChatRateLimits,
  ChatUpdateEvent,
  CustomAttachment,
  CustomMessage,
  FetchMessagesOptions,
  FileMessage,
  ImageMessage,
  Message,
  MessageKind,
  MessagePayload,
  MessageStatus,
  PendingInfo,
  PinEvent,
  TextMessage,
} from './types';
export { ChatError, toChatError } from './ChatError';
export type { ChatErrorCode } from './ChatError';
export { consoleLogger } from './logger';
export type { Logger } from './logger';
