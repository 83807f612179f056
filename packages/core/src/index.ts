export type {
  BaseMessage,
  ChatLike,
  ChatRateLimits,
  ChatUpdateEvent,
  CustomAttachment,
  CustomMessage,
  CustomMessagePayload,
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
export { CHAT_IMAGE_TYPES, isChatImageType } from './imageTypes';
export type { ChatErrorCode } from './ChatError';
export { consoleLogger } from './logger';
export type { Logger } from './logger';
export { IdList } from './IdList';
export { normalizeMessage } from './normalizeMessage';
export type { NormalizeResult } from './normalizeMessage';
export type { ChatEntry } from './types';
export { createChatStore } from './createChatStore';
export type {
  ChatActions,
  ChatSelf,
  ChatState,
  ChatStatus,
  ChatStore,
  ChatStoreOptions,
  SendOptions,
  SendOutcome,
} from './chatStoreTypes';
export { getChatStore, releaseChatStore } from './getChatStore';
export { sendCustom } from './sendCustom';
export {
  createTrustedObjectUrl,
  isTrustedObjectUrl,
  revokeTrustedObjectUrl,
  trustObjectUrl,
} from './trustedObjectUrls';
export {
  ReplayError,
  createReplayClient,
  createStaticChat,
  toLink,
  downloadChatDump,
  saveBlob,
  pickSaveFile,
  saveStream,
  sanitizeFilename,
} from './replay';
export type {
  ReplayErrorCode,
  FetchDownloadUrl,
  ReplayClient,
  ReplayClientOptions,
  ReplayLink,
  ReplayLinkSource,
  DownloadChatDumpOptions,
  DownloadProgress,
  SaveBlobOptions,
  SaveFileHandle,
  SaveStreamOptions,
} from './replay';
export type { ClientErrorLike } from './localChat/createClientError';
export { parseChatDump } from './csv/parseChatDump';
export type { ParseChatDumpOptions, ChatDumpProgress, ChatDumpResult } from './csv/parseChatDump';
export { toChatDumpCsv } from './csv/toChatDumpCsv';
export { neutraliseChatDump } from './csv/neutraliseChatDump';
export type { NeutraliseChatDumpOptions } from './csv/neutraliseChatDump';
export type { ToChatDumpCsvOptions } from './csv/toChatDumpCsv';
export { parseChatDumpInWorker } from './csv/parseChatDumpInWorker';
export type { ParseChatDumpInWorkerOptions, ChatDumpWorkerLike } from './csv/parseChatDumpInWorker';
export { ChatDumpError } from './csv/ChatDumpError';
export type {
  ChatDumpErrorCode,
  ChatDumpRowError,
  ChatDumpRowErrorCode,
} from './csv/ChatDumpError';
export { CHAT_DUMP_COLUMNS } from './csv/chatDumpColumns';
export type { DumpMessage, ChatDumpColumn, ChatDumpPayloadType } from './csv/chatDumpColumns';
export type { ChatDumpInput } from './csv/readChatDumpText';
export {
  connectDevChat,
  createDevMeeting,
  uploadDevFile,
  DEV_CLOSE_SESSION_ENDED,
  DEV_CLOSE_TOO_MANY_CONNECTIONS,
  DEV_CLOSE_TOO_SLOW,
  DEV_CLOSE_UNAUTHORIZED,
} from './devChat';
export type {
  ConnectDevChatOptions,
  DevChat,
  DevChatControls,
  DevPermissions,
  DevPermissionsPreset,
  DevChatEvents,
  DevChatSocket,
  DevChatSocketConstructor,
  DevConnectionState,
  DevHello,
  DevRequest,
  DevSelf,
  DevServerFrame,
  DevWireMessage,
  UploadedFile,
} from './devChat';
export {
  ALL_ALLOWED,
  allows,
  getMeetingStore,
  readChatPermissions,
  samePermissions,
} from './meeting';
export type {
  ChatPermissions,
  ChatPermissionsSource,
  MeetingLike,
  MeetingSelfLike,
  MeetingStore,
  MessageActionRules,
  MessageActionScope,
  Participant,
  ParticipantLike,
  ParticipantMapLike,
  PrivateChatPermissions,
  PublicChatPermissions,
} from './meeting';
export { buildChatExport, formatClockTime } from './export/buildChatExport';
export { formatElapsed } from './formatElapsed';
export type { BuildChatExportOptions, ChatExportFile } from './export/buildChatExport';
export { createAnonymiser } from './export/createAnonymiser';
export type { Anonymiser, CreateAnonymiserOptions } from './export/createAnonymiser';
export { escapeMarkdown } from './export/writeTranscript';
export type {
  ChatExportChoice,
  ChatExportFormat,
  ChatExportNames,
  ChatExportPolicy,
  ChatExportScope,
  ChatExportTimes,
} from './export/chatExportTypes';
export { chatFileEntries, zipChatFiles } from './export/zipChatFiles';
export type {
  ChatFileEntry,
  ZipChatFilesOptions,
  ZipChatFilesProgress,
} from './export/zipChatFiles';
export { createZipEntryNames } from './export/zipEntryNames';
export { exportChoices, resolveExportChoice } from './export/exportChoices';
export type { ChatExportChoices } from './export/exportChoices';
export {
  NO_FILTER,
  filterMessageIds,
  isFilterEmpty,
  searchableText,
} from './filter/filterMessageIds';
export type { MessageFilter } from './filter/filterMessageIds';
export { missedRangeOf, summarizeMissed } from './missed/summarizeMissed';
export type { MissedRange, MissedSender, MissedSummary } from './missed/summarizeMissed';
