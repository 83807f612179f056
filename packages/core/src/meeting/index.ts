export type {
  ChatPermissionsSource,
  MeetingLike,
  MeetingSelfLike,
  MessageActionRules,
  MessageActionScope,
  ParticipantLike,
  ParticipantMapLike,
  PrivateChatPermissions,
  PublicChatPermissions,
} from './types';
export { ALL_ALLOWED, allows, readChatPermissions, samePermissions } from './chatPermissions';
export type { ChatPermissions } from './chatPermissions';
export { getMeetingStore } from './getMeetingStore';
export type { MeetingStore, Participant } from './getMeetingStore';
