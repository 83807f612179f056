/**
 * The parts of a RealtimeKit 2 / Dyte 3 client (`meeting`) that the kit reads besides
 * `meeting.chat`: who I am, what the host allows me, and who is in the room. Structural, so the
 * real SDK objects, `connectDevChat`'s meeting and your own backend all fit.
 */
import type { ChatLike } from '../types';

/** `meeting.self.permissions.chatPublic` (RealtimeKit 2, Dyte 3). */
export interface PublicChatPermissions {
  canSend: boolean;
  text: boolean;
  files: boolean;
}

/** `meeting.self.permissions.chatPrivate`. Absent on presets without private chat. */
export interface PrivateChatPermissions {
  canSend: boolean;
  canReceive: boolean;
  text: boolean;
  files: boolean;
}

/** Who may edit, delete, pin or unpin a message: nobody, its author, or anyone. */
export type MessageActionScope = 'none' | 'own' | 'any';

/**
 * The rule for message actions. The SDK presets do not govern these (RealtimeKit lets anyone who
 * joined pin); a backend that does (the dev server: author or host) exposes its rule as
 * `permissions.chatMessages`, and an app may override it on `ChatProvider`.
 */
export interface MessageActionRules {
  edit: MessageActionScope;
  delete: MessageActionScope;
  pin: MessageActionScope;
}

type Listener = (...args: never[]) => void;

/**
 * `meeting.self.permissions`: a preset whose chat parts are mutated in place when the host
 * changes them, after which it emits `permissionsUpdate`. Read it on every event; keep no copy.
 */
export interface ChatPermissionsSource {
  readonly chatPublic?: Readonly<PublicChatPermissions>;
  readonly chatPrivate?: Readonly<PrivateChatPermissions> | undefined;
  /** Natter's extension (the dev server fills it): who may act on which messages. */
  readonly chatMessages?: Readonly<MessageActionRules>;
  on?(event: 'permissionsUpdate', listener: Listener): unknown;
  off?(event: 'permissionsUpdate', listener: Listener): unknown;
}

/** A participant as `meeting.participants.joined` holds it. */
export interface ParticipantLike {
  /** The participant (peer) id: what `sendTextMessage(text, peerIds)` takes. */
  id: string;
  /** The user id: what messages carry as `userId` and `targetUserIds`. */
  userId: string;
  name: string;
  isHost?: boolean;
  presetName?: string;
}

/** `meeting.participants.joined`: a Map with `toArray()` that emits on joins and leaves. */
export interface ParticipantMapLike {
  toArray(): readonly ParticipantLike[];
  on(event: 'participantJoined' | 'participantLeft', listener: Listener): unknown;
  off(event: 'participantJoined' | 'participantLeft', listener: Listener): unknown;
}

export interface MeetingSelfLike {
  /** The participant (peer) id. */
  id?: string;
  userId: string;
  name: string;
  presetName?: string;
  readonly permissions?: ChatPermissionsSource;
}

/**
 * The RealtimeKit or Dyte client as apps hold it (`RealtimeKitClient.init(...)`), or
 * `createDevMeeting(chat)` for the dev server.
 */
export interface MeetingLike {
  chat: ChatLike;
  self: MeetingSelfLike;
  participants?: { joined: ParticipantMapLike };
  /** `meeting.meta`: the title names the chat export (`Weekly sync chat 2026-11-30.csv`). */
  meta?: { readonly meetingTitle?: string };
}
