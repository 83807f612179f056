export { ReplayError } from './ReplayError';
export { createStaticChat } from './createStaticChat';
export type { ReplayErrorCode } from './ReplayError';
export { createReplayClient, toLink } from './createReplayClient';
export type {
  FetchDownloadUrl,
  ReplayClient,
  ReplayClientOptions,
  ReplayLink,
  ReplayLinkSource,
} from './createReplayClient';
export { downloadChatDump } from './downloadChatDump';
export type { DownloadChatDumpOptions, DownloadProgress } from './downloadChatDump';
export { saveBlob, sanitizeFilename } from './saveBlob';
export type { SaveBlobOptions } from './saveBlob';
export { pickSaveFile, saveStream } from './saveStream';
export type { SaveFileHandle, SaveStreamOptions } from './saveStream';
