export { createReplayHandler } from './createReplayHandler';
export type {
  CloudflareReplayOptions,
  ReplayAccess,
  DyteReplayOptions,
  ReplayErrorBody,
  ReplayHandlerErrorCode,
  ReplayHandlerOptions,
  ReplayLinkBody,
} from './replayHandlerTypes';
