export { createReplayHandler } from './createReplayHandler';
export type {
  CloudflareReplayOptions,
  DyteReplayOptions,
  ReplayErrorBody,
  ReplayHandlerErrorCode,
  ReplayHandlerOptions,
  ReplayLinkBody,
} from './createReplayHandler';
