/** The harness's types: what a test passes in (`HarnessOptions`) and gets back (`Harness`). */
import type {
  EmittedChatEvent,
  ReceivedChatRequest,
  ServerMessageInput,
  WireChatMessage,
} from './chatWire';
import type { FetchLogEntry, FetchRoute } from './environment';
import type { ProtoRegistry, SdkKind } from './protoRegistry';
import type { ChatPermissionsPatch } from './presetServer';
import type { RemotePeer } from './roomServer';
import type { ReceivedFrame } from './socketServer';

export interface HarnessSelf {
  userId: string;
  displayName: string;
}

export interface HarnessOptions {
  /** The local participant. Defaults to `{ userId: 'self-user', displayName: 'Self' }`. */
  self?: Partial<HarnessSelf>;
  /** History the server holds before join (same as calling `server.setHistory` before join). */
  history?: ServerMessageInput[];
  /** Call `meeting.join()` (default true). With `false`, call `harness.join()` yourself. */
  join?: boolean;
  /** Merged over the preset's chat permissions (snake_case, as the REST API returns them). */
  chatPermissions?: {
    public?: Partial<Record<'can_send' | 'text' | 'files', boolean>>;
    private?: Partial<Record<'can_send' | 'can_receive' | 'text' | 'files', boolean>>;
  };
  /** Preset `pin_participant` (Dyte requires it to pin messages). Default true. */
  pinParticipant?: boolean;
  meetingId?: string;
  title?: string;
  /** Others already in the room on join (`meeting.participants.joined`, with their names). */
  participants?: readonly RemotePeer[];
}

/** A message another participant sends. */
export interface RemoteText {
  userId: string;
  displayName: string;
  text: string;
  id?: string;
  time?: Date | number;
}

/** What a remote action did: the server-side message (if any) and what the SDK emitted. */
export interface RemoteResult {
  id: string;
  emitted: EmittedChatEvent[];
}

/** Another participant, acting through the server. Each call resolves after the SDK handled the frame. */
export interface RemoteDriver {
  sendText(input: RemoteText): Promise<RemoteResult>;
  edit(id: string, text: string): Promise<RemoteResult>;
  delete(id: string): Promise<RemoteResult>;
  pin(id: string): Promise<RemoteResult>;
  unpin(id: string): Promise<RemoteResult>;
}

export interface HarnessServer {
  readonly remote: RemoteDriver;
  /** Hold the echo of own sends (they are stored) until `releaseSends()`. */
  holdSends(): void;
  /** Deliver the held echoes in order; returns what the SDK emitted. */
  releaseSends(): EmittedChatEvent[];
  /** Broadcast a stored message again (a redelivery); returns what the SDK emitted. */
  redeliver(chatId: string): EmittedChatEvent[];
  /** Another participant joins the room (the media server's broadcast). */
  peerJoined(peer: RemotePeer): void;
  /** A host changes the local participant's chat permissions live (the SDK's preset update). */
  updateChatPermissions(patch: ChatPermissionsPatch): void;
  /** Replace the room's history. Call before join: the SDK loads it while joining. */
  setHistory(messages: ServerMessageInput[]): WireChatMessage[];
  /** Every chat request the SDK sent, decoded with the SDK's own request types. */
  readonly received: readonly ReceivedChatRequest[];
  /** The room's messages as the server stores them. */
  readonly messages: readonly WireChatMessage[];
  /** Every socket frame the SDK sent (all namespaces). */
  readonly frames: readonly ReceivedFrame[];
  /** Socket events no handler knew (answered with an empty payload). */
  readonly unhandledEvents: readonly number[];
  /** Every REST request the SDK made. */
  readonly fetches: readonly FetchLogEntry[];
  /** The SDK's protobuf types. */
  readonly registry: ProtoRegistry;
  /** Resolves with the next chat request of that kind the SDK sends (or the first one already received after `since`). */
  nextRequest(event: ReceivedChatRequest['event'], since?: number): Promise<ReceivedChatRequest>;
  /** Resolves once the SDK has sent `count` chat requests of that kind in total. */
  waitForRequests(
    event: ReceivedChatRequest['event'],
    count: number,
  ): Promise<ReceivedChatRequest[]>;
}

/** The structural part of `meeting` the harness needs. */
export interface MeetingLike<Chat> {
  chat: Chat;
  join(): Promise<unknown>;
  leave(): Promise<unknown>;
  self: { id: string; userId: string; name: string };
}

export interface ChatEmitter {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

export interface Harness<Meeting, Chat> {
  meeting: Meeting;
  chat: Chat;
  server: HarnessServer;
  self: HarnessSelf & { peerId: string };
  /** Join the meeting (only needed with `join: false`). */
  join(): Promise<void>;
  dispose(): Promise<void>;
}

export interface SdkSpecifics<Meeting> {
  kind: SdkKind;
  registry: ProtoRegistry;
  setupStubs: (params: { peerId: string; mockParticipants: never[] }) => void;
  init: (options: {
    authToken: string;
    defaults: { audio: boolean; video: boolean };
    modules: Record<string, boolean>;
  }) => Promise<Meeting>;
  extraRoutes: FetchRoute[];
  pinResponseCarriesMessage: boolean;
}
