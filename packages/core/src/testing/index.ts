// Public entry of @natter/core/testing: test doubles for apps, stories and adapters. Nothing here
// is needed in production; the main entry (@natter/core) holds what apps ship.
export { createLocalChat } from '../createLocalChat';
export { createLocalMeeting } from '../localChat/createLocalMeeting';
export type {
  LocalMeeting,
  LocalMeetingHost,
  LocalMeetingOptions,
  LocalPermissionPreset,
} from '../localChat/createLocalMeeting';
export { createManualClock, createShiftedClock, systemClock } from '../localChat/createManualClock';
export type { LocalChatClock, ManualClock } from '../localChat/createManualClock';
export type {
  ConversationOptions,
  FailMode,
  LocalChat,
  LocalChatCapabilities,
  LocalChatEvents,
  LocalChatFlavor,
  LocalChatOptions,
  LocalChatSimulator,
  LocalParticipant,
  SimulatedMessageInput,
} from '../localChat/types';
export { describeChatConformance } from './chatConformance';
export type {
  ChatConformanceFixture,
  ChatConformanceOptions,
  RemoteDriver,
} from './conformanceTypes';
export type {
  ConformanceExpect,
  ConformanceMatchers,
  ConformanceTestApi,
} from './ConformanceTestApi';
