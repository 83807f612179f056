import type { Logger } from '../logger';
import type { LocalChatEvents } from '../localChat/types';
import type { ChatLike, ChatRateLimits, FetchMessagesOptions, Message } from '../types';
import type { DevChatSocketConstructor, DevConnectionState } from './createDevConnection';
import type { DevPermissionsPreset } from './createDevPermissions';
import type { DevChatControls, DevParticipant, DevSelf } from './devChatProtocol';

export interface ConnectDevChatOptions {
  /** The dev server's origin, e.g. `http://127.0.0.1:8787` (a `ws:` URL works too). */
  url: string;
  /** A participant token from `POST /v1/meetings/:meetingId/participants` (or the open join route). */
  token: string;
  /** Default: the global `WebSocket`. On Node 20 pass `WebSocket` from the `ws` package. */
  WebSocket?: DevChatSocketConstructor;
  /** For uploads. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Where refusals of edits and deletes are reported (the SDKs do not await those). Default: silent. */
  logger?: Logger;
  /** Reconnect backoff: doubles from `minDelayMs` up to `maxDelayMs`, with jitter. Default 250 / 10 000. */
  reconnect?: { minDelayMs?: number; maxDelayMs?: number };
  /** Reject when the first join has not happened within this time. Default 10 000 ms. */
  connectTimeoutMs?: number;
}

export interface DevChatEvents extends LocalChatEvents {
  connectionStateChange: { state: DevConnectionState; reason?: string };
  /** Someone joined or left (or the list was refreshed on a reconnect). */
  participantsUpdate: { participants: readonly DevParticipant[] };
}

type On = <E extends keyof DevChatEvents>(
  event: E,
  listener: (event: DevChatEvents[E]) => void,
) => DevChat;

/** A `ChatLike` over the dev server, with RealtimeKit's paginated fetches. */
export interface DevChat extends ChatLike {
  /** Who you are, with `permissions` shaped like the SDKs' `meeting.self.permissions`. */
  readonly self: DevSelf & { readonly permissions: DevPermissionsPreset };
  readonly sessionId: string;
  readonly meetingId: string;
  maxTextLimit: number;
  readonly rateLimits: ChatRateLimits;
  readonly connectionState: DevConnectionState;
  /** Who is connected to the session now, this participant included; a new array on every change. */
  readonly participants: readonly DevParticipant[];
  fetchPublicMessages(options: FetchMessagesOptions): Promise<Message[]>;
  fetchPinnedMessages(options: FetchMessagesOptions): Promise<Message[]>;
  fetchPrivateMessages(options: FetchMessagesOptions & { userId: string }): Promise<Message[]>;
  on: On;
  off: On;
  addListener: On;
  removeListener: On;
  once: On;
  listenerCount(event: keyof DevChatEvents): number;
  /**
   * Host only: what the room's participants may do (chat at all, files, private messages). The
   * server refuses it for others (`forbidden`) and sends everyone their new permissions.
   */
  setChatControls(controls: Partial<DevChatControls>): Promise<void>;
  /** Closes the socket for good; requests still waiting reject with `0012`. */
  close(): void;
}
