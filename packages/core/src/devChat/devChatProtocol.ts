/**
 * The dev server's WebSocket protocol, as the client sees it. Every request carries a client-unique
 * `id` and is answered by an `ack` (with a `result`) or an `error` with that `id`; the server also
 * pushes `event` frames numbered by a per-session sequence. The server (`@natter/dev-server`)
 * validates every frame on its side.
 */
import type { ChatRateLimits } from '../types';

/** A message as the server sends it: links absolute, no SDK placeholders yet. */
export interface DevWireMessage {
  id: string;
  type: 'text' | 'image' | 'file';
  userId: string;
  displayName: string;
  timeMs: number;
  isEdited: boolean;
  pinned: boolean;
  targetUserIds: string[];
  message?: string;
  link?: string;
  name?: string;
  size?: number;
}

/** Client → server. `id` doubles as the idempotency key of sends (a resend is not a second message). */
export type DevRequest =
  | { type: 'hello'; lastSeq?: number; sessionId?: string }
  | { type: 'sendText'; text: string; peerIds?: string[] }
  | { type: 'sendImage' | 'sendFile'; fileId: string; peerIds?: string[] }
  | { type: 'edit'; messageId: string; text?: string; fileId?: string }
  | { type: 'delete' | 'pin' | 'unpin'; messageId: string }
  | {
      type: 'history';
      kind: 'public' | 'pinned' | 'private';
      timestamp?: number;
      direction: 'before' | 'after';
      limit: number;
      userId?: string;
    }
  | { type: 'ping' }
  /** Host only: what participants may do in the chat (hosts keep every permission). */
  | { type: 'setChatControls'; controls: Partial<DevChatControls> };

/** What the host has allowed for the room's participants. Everything `true` when a session starts. */
export interface DevChatControls {
  /** Participants may send at all (public and private). */
  chat: boolean;
  /** Participants may send images and files. */
  files: boolean;
  /** Participants may send private messages. */
  privateChat: boolean;
}

/**
 * One participant's permissions in the SDKs' shape (`meeting.self.permissions.chatPublic` /
 * `.chatPrivate`), plus the rule for message actions (author, or host for delete and pin).
 */
export interface DevPermissions {
  chatPublic: { canSend: boolean; text: boolean; files: boolean };
  chatPrivate: { canSend: boolean; canReceive: boolean; text: boolean; files: boolean };
  chatMessages: {
    edit: 'none' | 'own' | 'any';
    delete: 'none' | 'own' | 'any';
    pin: 'none' | 'own' | 'any';
  };
  /** The room's controls (what a host's switches show). */
  controls: DevChatControls;
}

export interface DevSelf {
  userId: string;
  displayName: string;
  preset: 'host' | 'participant';
}

/** Someone connected to the session (one entry per user, however many sockets they have). */
export interface DevParticipant {
  userId: string;
  displayName: string;
  preset: 'host' | 'participant';
}

/** One change of a session, numbered by the session's sequence. */
export interface DevEvent {
  seq: number;
  action: 'add' | 'edit' | 'delete' | 'pin' | 'unpin';
  message: DevWireMessage | { id: string };
}

/** The `result` of the `hello` ack. */
export interface DevHello {
  sessionId: string;
  meetingId: string;
  self: DevSelf;
  maxTextLimit: number;
  rateLimits: ChatRateLimits;
  maxUploadBytes: number;
  allowedUploadTypes: string[];
  /** The session's newest sequence number. */
  seq: number;
  /** True when the server replays what was missed since `lastSeq` in `changes`. */
  resumed: boolean;
  /** A fresh join: the newest messages visible to this participant, oldest first. */
  messages?: DevWireMessage[];
  /** A resumed join: each message touched since `lastSeq`, once, in its current state. */
  changes?: { added: DevWireMessage[]; updated: DevWireMessage[]; deleted: string[] };
  /** Who is connected now, this participant included (servers before presence omit it). */
  participants?: DevParticipant[];
  /** This participant's chat permissions (servers before host controls omit it: all allowed). */
  permissions?: DevPermissions;
}

/** Server → client. */
export type DevServerFrame =
  | { type: 'ack'; id: string; result?: unknown }
  | { type: 'error'; id: string | null; code: string; message: string }
  /** The events of one server turn, in sequence order. */
  | { type: 'events'; events: DevEvent[] }
  /** A single event (servers before batching sent these; still understood). */
  | ({ type: 'event' } & DevEvent)
  /** A participant's first socket joined, or their last one left. Not sequenced: `hello` carries the full list. */
  | { type: 'presence'; action: 'join' | 'leave'; participant: DevParticipant }
  /** The host changed the room's controls: this participant's permissions now. */
  | { type: 'permissions'; permissions: DevPermissions };

/** WebSocket close codes the server uses. */
export const DEV_CLOSE_UNAUTHORIZED = 4401;
/** The client stopped reading (over the server's buffer limit): reconnect and resync. */
export const DEV_CLOSE_TOO_SLOW = 4408;
export const DEV_CLOSE_SESSION_ENDED = 4410;
/** Over the server's connection limits (total or per user); an `error` frame says which. */
export const DEV_CLOSE_TOO_MANY_CONNECTIONS = 4429;
