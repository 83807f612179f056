/**
 * What both SDK harnesses share: the stubbed environment, the socket server with its room and
 * chat parts, the REST answers, the remote-participant driver and the teardown.
 */
import type { ChatUpdateEvent, Message, PinEvent } from '@natter/core';
import { ChatServer } from './chatServer';
import type {
  EmittedChatEvent,
  ReceivedChatRequest,
  ServerMessageInput,
  WireChatMessage,
} from './chatServer';
import { installFetch, installMediaStubs, unsignedJwt } from './environment';
import type { FetchLogEntry, FetchRoute } from './environment';
import type { ProtoRegistry, SdkKind } from './protoRegistry';
import { sendPresetUpdate } from './presetServer';
import type { ChatPermissionsPatch } from './presetServer';
import { RoomServer } from './roomServer';
import type { RemotePeer } from './roomServer';
import { SocketServer } from './socketServer';
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

interface SdkSpecifics<Meeting> {
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

function preset(options: HarnessOptions): Record<string, unknown> {
  return {
    name: 'natter_harness',
    permissions: {
      can_edit_display_name: true,
      accept_waiting_requests: false,
      disable_participant_audio: false,
      disable_participant_screensharing: false,
      disable_participant_video: false,
      kick_participant: false,
      pin_participant: options.pinParticipant ?? true,
      can_record: false,
      can_livestream: false,
      waiting_room_type: 'SKIP',
      plugins: { can_close: false, can_start: false, can_edit_config: false, config: {} },
      polls: { can_create: false, can_vote: false, can_view: false },
      media: {
        video: { can_produce: 'ALLOWED' },
        audio: { can_produce: 'ALLOWED' },
        screenshare: { can_produce: 'NOT_ALLOWED' },
      },
      chat: {
        public: { can_send: true, text: true, files: true, ...options.chatPermissions?.public },
        private: {
          can_send: true,
          can_receive: true,
          text: true,
          files: true,
          ...options.chatPermissions?.private,
        },
      },
      hidden_participant: false,
      is_recorder: false,
      recorder_type: 'NONE',
      show_participant_list: true,
      transcription_enabled: false,
      can_change_participant_permissions: false,
      connected_meetings: {
        can_alter_connected_meetings: false,
        can_switch_connected_meetings: false,
        can_switch_to_parent_meeting: false,
      },
      stage_enabled: false,
      accept_stage_requests: false,
    },
    config: {
      view_type: 'GROUP_CALL',
      media: {
        audio: { enable_stereo: false, enable_high_bitrate: false },
        video: { quality: 'vga', frame_rate: 30, simulcast: false },
        screenshare: { quality: 'hd', frame_rate: 5 },
      },
      max_video_streams: { mobile: 6, desktop: 6 },
      max_screenshare_count: 1,
    },
    version: '2.0.0',
  };
}

interface SavedGlobals {
  WebSocket: unknown;
  RTCPeerConnection: unknown;
  fetch: unknown;
}

export async function createHarness<Meeting extends MeetingLike<Chat>, Chat extends ChatEmitter>(
  sdk: SdkSpecifics<Meeting>,
  options: HarnessOptions,
): Promise<Harness<Meeting, Chat>> {
  const self: HarnessSelf = {
    userId: options.self?.userId ?? 'self-user',
    displayName: options.self?.displayName ?? 'Self',
  };
  const meetingId = options.meetingId ?? 'harness-meeting';
  const title = options.title ?? 'Harness meeting';

  const g = globalThis as unknown as Record<string, unknown>;
  const saved: SavedGlobals = {
    WebSocket: g.WebSocket,
    RTCPeerConnection: g.RTCPeerConnection,
    fetch: g.fetch,
  };
  const restoreMedia = installMediaStubs();
  // The SDK's own stubs: mock-socket WebSocket, a fake RTCPeerConnection, and a `{}` fetch.
  sdk.setupStubs({ peerId: 'unused-by-the-harness', mockParticipants: [] });

  const socket = new SocketServer(sdk.registry);
  const room = new RoomServer(socket, sdk.registry, {
    meetingId,
    title,
    participants: options.participants,
  });
  const chatServer = new ChatServer(socket, sdk.registry, {
    pinResponseCarriesMessage: sdk.pinResponseCarriesMessage,
  });
  if (options.history) chatServer.setHistory(options.history);

  const fetches: FetchLogEntry[] = [];
  const restoreFetch = installFetch(
    [
      {
        method: 'GET',
        path: /\/v2\/internals\/participant-details$/,
        answer: () => ({
          body: {
            success: true,
            data: {
              participant: {
                id: self.userId,
                name: self.displayName,
                custom_participant_id: self.userId,
              },
              preset: preset(options),
              meeting: { id: meetingId, title },
            },
          },
        }),
      },
      ...sdk.extraRoutes,
    ],
    fetches,
  );

  let disposed = false;
  const restoreGlobals = (): void => {
    restoreFetch();
    g.WebSocket = saved.WebSocket;
    g.RTCPeerConnection = saved.RTCPeerConnection;
    if (g.fetch !== saved.fetch) g.fetch = saved.fetch;
    delete g.RTK_MOCK_SERVER;
    restoreMedia();
  };

  let meeting: Meeting;
  try {
    meeting = await sdk.init({
      authToken: unsignedJwt({ meetingId, orgId: 'harness-org', participantId: self.userId }),
      defaults: { audio: false, video: false },
      // Picture-in-picture and plugins need DOM APIs jsdom does not have.
      modules: { plugin: false, pip: false },
    });
  } catch (error) {
    socket.close();
    restoreGlobals();
    throw error;
  }
  const chat = meeting.chat;
  chatServer.attach(() => room.self, chat);

  const wrap = (id: string, emitted: EmittedChatEvent[]): Promise<RemoteResult> =>
    Promise.resolve({ id, emitted });
  const remote: RemoteDriver = {
    sendText: (input) => {
      const { message, emitted } = chatServer.remoteSend({
        id: input.id,
        userId: input.userId,
        displayName: input.displayName,
        text: input.text,
        time: input.time,
      });
      return wrap(message.chatId, emitted);
    },
    edit: (id, text) => wrap(id, chatServer.remoteEdit(id, text)),
    delete: (id) => wrap(id, chatServer.remoteDelete(id)),
    pin: (id) => wrap(id, chatServer.remoteSetPinned(id, true)),
    unpin: (id) => wrap(id, chatServer.remoteSetPinned(id, false)),
  };

  /** Pending request waits; each returns true once satisfied. */
  const requestWaiters = new Set<() => boolean>();
  const checkWaiters = (): void => {
    for (const w of [...requestWaiters]) if (w()) requestWaiters.delete(w);
  };
  // Chat requests arrive through socket frames; look for waiters after each one.
  socket.onFrame = checkWaiters;

  const server: HarnessServer = {
    remote,
    holdSends: () => chatServer.holdSends(),
    releaseSends: () => chatServer.releaseSends(),
    redeliver: (chatId) => chatServer.redeliver(chatId),
    setHistory: (messages) => chatServer.setHistory(messages),
    peerJoined: (peer) => room.peerJoined(peer),
    updateChatPermissions: (patch) =>
      sendPresetUpdate(socket, sdk.registry, meeting.self.userId, patch),
    get received() {
      return chatServer.received;
    },
    get messages() {
      return chatServer.messages;
    },
    get frames() {
      return socket.frames;
    },
    get unhandledEvents() {
      return socket.unhandled;
    },
    fetches,
    registry: sdk.registry,
    nextRequest: (event, since = chatServer.received.length) =>
      new Promise((resolve) => {
        requestWaiters.add(() => {
          const hit = chatServer.received.slice(since).find((r) => r.event === event);
          if (hit) resolve(hit);
          return hit !== undefined;
        });
        checkWaiters();
      }),
    waitForRequests: (event, count) =>
      new Promise((resolve) => {
        requestWaiters.add(() => {
          const hits = chatServer.received.filter((r) => r.event === event);
          if (hits.length >= count) resolve(hits);
          return hits.length >= count;
        });
        checkWaiters();
      }),
  };

  let joined = false;
  const join = async (): Promise<void> => {
    if (joined) return;
    // Both SDKs request the history (chat event getMessages) when the socket room is joined,
    // without awaiting it in join(); wait for it so `chat.messages` is settled on return.
    const history = server.nextRequest('getMessages', 0);
    // And the breakout-rooms dump they ask for on `roomJoined`, unawaited: answered before join()
    // returns, so disposing the harness never leaves it to time out in the page.
    const roomsDump = room.nextConnectedRoomsDump();
    await meeting.join();
    joined = true;
    await Promise.all([history, roomsDump]);
  };

  const dispose = async (): Promise<void> => {
    if (disposed) return;
    disposed = true;
    chatServer.detach();
    try {
      if (joined) await meeting.leave();
    } finally {
      socket.close();
      restoreGlobals();
    }
  };

  try {
    if (options.join ?? true) await join();
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    meeting,
    chat,
    server,
    get self() {
      return { ...self, peerId: meeting.self.id };
    },
    join,
    dispose,
  };
}

/** Collect a chat object's events (for tests and drivers). */
export function recordChatEvents(chat: ChatEmitter): {
  events: EmittedChatEvent[];
  updates: () => ChatUpdateEvent[];
  stop: () => void;
} {
  const events: EmittedChatEvent[] = [];
  const listeners = (['chatUpdate', 'pinMessage', 'unpinMessage'] as const).map((name) => {
    const listener = (payload: unknown): void => {
      events.push({ name, payload });
    };
    chat.on(name, listener);
    return [name, listener] as const;
  });
  return {
    events,
    updates: () =>
      events.filter((e) => e.name === 'chatUpdate').map((e) => e.payload as ChatUpdateEvent),
    stop: () => {
      for (const [name, listener] of listeners) chat.off(name, listener);
    },
  };
}

/**
 * Resolve with the first `chatUpdate` (or pin event) matching `predicate`. Register it before
 * acting; it rejects after `timeoutMs` so a missing event fails the test instead of hanging it.
 */
export function waitForChatEvent<T = ChatUpdateEvent>(
  chat: ChatEmitter,
  name: 'chatUpdate' | 'pinMessage' | 'unpinMessage',
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: unknown): void => {
      if (!predicate(payload as T)) return;
      clearTimeout(timer);
      chat.off(name, listener);
      resolve(payload as T);
    };
    const timer = setTimeout(() => {
      chat.off(name, listener);
      reject(new Error(`sdk-harness: no matching ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    chat.on(name, listener);
  });
}

export type { ChatUpdateEvent, Message, PinEvent };
