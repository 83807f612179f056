import { createLocalChat } from '../createLocalChat';
import type { MeetingLike, ParticipantLike, ParticipantMapLike } from '../meeting/types';
import type { PrivateChatPermissions, PublicChatPermissions } from '../meeting/types';
import { createEmitter } from './createEmitter';
import type { LocalChat, LocalChatOptions, LocalParticipant } from './types';

export interface LocalMeetingOptions extends LocalChatOptions {
  /** The preset's chat permissions at start (everything allowed by default). */
  chatPublic?: Partial<PublicChatPermissions>;
  /** `null`: a preset without private chat. */
  chatPrivate?: Partial<PrivateChatPermissions> | null;
  /** Which of `participants` are in the room at start. Default: all of them. */
  joined?: string[];
  /** Names a host of the room (`isHost` on that participant, or `presetName: 'host'` on self). */
  hostUserId?: string;
}

/** Drives the room: what the host allows, who joins and leaves. */
export interface LocalMeetingHost {
  /** Merges into the preset's objects in place, then emits `chatUpdate` and `permissionsUpdate`, as the SDKs do. */
  setPermissions(patch: {
    chatPublic?: Partial<PublicChatPermissions>;
    chatPrivate?: Partial<PrivateChatPermissions>;
  }): void;
  join(userId: string): void;
  leave(userId: string): void;
}

export interface LocalMeeting extends MeetingLike {
  chat: LocalChat;
  self: MeetingLike['self'] & { readonly permissions: LocalPermissionPreset };
  participants: { joined: ParticipantMapLike };
  readonly host: LocalMeetingHost;
}

export interface LocalPermissionPreset {
  readonly chatPublic: Readonly<PublicChatPermissions>;
  readonly chatPrivate: Readonly<PrivateChatPermissions> | undefined;
  on(event: 'permissionsUpdate' | 'chatUpdate', listener: (...args: never[]) => void): unknown;
  off(event: 'permissionsUpdate' | 'chatUpdate', listener: (...args: never[]) => void): unknown;
}

const toLike = (p: LocalParticipant, hostUserId: string | undefined): ParticipantLike => ({
  id: p.peerId ?? p.userId,
  userId: p.userId,
  name: p.displayName,
  isHost: p.userId === hostUserId,
});

/**
 * `createLocalChat` inside a RealtimeKit-shaped `meeting`: `self.permissions` (a preset that
 * mutates in place and emits `permissionsUpdate`), `participants.joined` (emitting
 * `participantJoined` / `participantLeft`), and `host` to drive both. For tests and stories.
 *
 * @example
 * ```ts
 * const meeting = createLocalMeeting();
 * meeting.host.setPermissions({ chatPublic: { canSend: false } });
 * ```
 */
export function createLocalMeeting(options: LocalMeetingOptions = {}): LocalMeeting {
  const chat = createLocalChat(options);
  const chatPublic: PublicChatPermissions = {
    canSend: true,
    text: true,
    files: true,
    ...options.chatPublic,
  };
  const chatPrivate: PrivateChatPermissions | undefined =
    options.chatPrivate === null
      ? undefined
      : { canSend: true, canReceive: true, text: true, files: true, ...options.chatPrivate };
  const presetEvents = createEmitter<{ permissionsUpdate: unknown; chatUpdate: undefined }>();
  const permissions: LocalPermissionPreset = {
    get chatPublic() {
      return chatPublic;
    },
    get chatPrivate() {
      return chatPrivate;
    },
    on: (event, listener) => presetEvents.on(event, listener as never),
    off: (event, listener) => presetEvents.off(event, listener as never),
  };
  const roomEvents = createEmitter<{
    participantJoined: ParticipantLike;
    participantLeft: ParticipantLike;
  }>();
  const everyone = new Map(chat.participants.map((p) => [p.userId, toLike(p, options.hostUserId)]));
  const present = new Set(options.joined ?? everyone.keys());
  const joined = {
    toArray: () => [...present].map((id) => everyone.get(id)).filter((p) => p !== undefined),
    on: (event: 'participantJoined' | 'participantLeft', listener: (...args: never[]) => void) =>
      roomEvents.on(event, listener as never),
    off: (event: 'participantJoined' | 'participantLeft', listener: (...args: never[]) => void) =>
      roomEvents.off(event, listener as never),
  };
  const self: LocalMeeting['self'] = {
    id: chat.self.peerId ?? chat.self.userId,
    userId: chat.self.userId,
    name: chat.self.displayName,
    permissions,
  };
  if (options.hostUserId === chat.self.userId) self.presetName = 'host';
  const host: LocalMeetingHost = {
    setPermissions(patch) {
      if (patch.chatPublic) Object.assign(chatPublic, patch.chatPublic);
      if (patch.chatPrivate && chatPrivate) Object.assign(chatPrivate, patch.chatPrivate);
      presetEvents.emit('chatUpdate', undefined);
      presetEvents.emit('permissionsUpdate', { chat: patch });
    },
    join(userId) {
      const p = everyone.get(userId);
      if (!p || present.has(userId)) return;
      present.add(userId);
      roomEvents.emit('participantJoined', p);
    },
    leave(userId) {
      const p = everyone.get(userId);
      if (!p || !present.delete(userId)) return;
      roomEvents.emit('participantLeft', p);
    },
  };
  return { chat, self, participants: { joined }, host };
}
