/**
 * @natter/sdk-harness: the real RealtimeKit and Dyte `meeting.chat` objects, running offline in
 * jsdom (Vitest project `sdk-harness`) or headless Chromium (`sdk-harness-browser`, configured in
 * `vitest.browser.config.ts`) against a local chat server the test controls. Test-only; see README
 * in the sources of `harness.ts`, `chatServer.ts` and `protoRegistry.ts` for how it works.
 */
export { createRealtimeKitHarness } from './createRealtimeKitHarness';
export type {
  RealtimeKitChat,
  RealtimeKitHarness,
  RealtimeKitMeeting,
} from './createRealtimeKitHarness';
export { createDyteHarness } from './createDyteHarness';
export type { DyteChat, DyteHarness, DyteMeeting } from './createDyteHarness';
export { recordChatEvents, waitForChatEvent } from './chatEvents';
export type {
  ChatEmitter,
  Harness,
  HarnessOptions,
  HarnessSelf,
  HarnessServer,
  RemoteDriver,
  RemoteResult,
  RemoteText,
} from './harnessTypes';
export { CHAT_EVENTS, SOCKET_ERROR_EVENT } from './chatWire';
export type {
  EmittedChatEvent,
  ReceivedChatRequest,
  ServerMessageInput,
  WireChatMessage,
} from './chatWire';
export { MEDIA_EVENTS, ROOM_EVENTS } from './roomServer';
export type { RemotePeer } from './roomServer';
export { PRESET_EVENTS } from './presetServer';
export type { ChatPermissionsPatch } from './presetServer';
export { ProtoRegistry, loadSdk } from './protoRegistry';
export type { ProtoType, SdkKind } from './protoRegistry';
