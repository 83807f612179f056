/**
 * The export machinery, loaded with a dynamic import the first time a download or replay starts:
 * the Replay API client, the streamed download, the CSV reader/writer and the save trick stay out
 * of the bundle of apps that never export. So does TanStack Query's client, which caches the link.
 */
export { QueryClient } from '@tanstack/react-query';
export {
  ReplayError,
  createReplayClient,
  downloadChatDump,
  neutraliseChatDump,
  parseChatDumpInWorker,
  saveBlob,
  toChatDumpCsv,
} from '@natter/core';
