/**
 * What both SDK harnesses share: the stubbed environment, the socket server with its room and
 * chat parts, the REST answers, the remote-participant driver and the teardown. Its types are in
 * `harnessTypes.ts`, the preset the REST API answers in `harnessPreset.ts`, and the event helpers
 * in `chatEvents.ts`.
 */
import { ChatServer } from './chatServer';
import type { EmittedChatEvent } from './chatWire';
import { installFetch, installMediaStubs, unsignedJwt } from './environment';
import type { FetchLogEntry } from './environment';
import { presetOf } from './harnessPreset';
import { sendPresetUpdate } from './presetServer';
import { RoomServer } from './roomServer';
import { SocketServer } from './socketServer';
import type {
  ChatEmitter,
  Harness,
  HarnessOptions,
  HarnessSelf,
  HarnessServer,
  MeetingLike,
  RemoteDriver,
  RemoteResult,
  SdkSpecifics,
} from './harnessTypes';

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
              preset: presetOf(options),
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
