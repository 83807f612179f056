/**
 * Room and media answers that let `meeting.join()` complete with audio and video off.
 *
 * Event ids are `(namespace << 16) + n` for socket-service events (namespace 0 = room, 1 = chat,
 * 3 = polls) and `0x3000000 | n` for the media events the current SDKs use (the stock mock only
 * answers the older `0x1000000 | n` range, which is why `join()` times out with it alone).
 * Values are read from the SDKs' bundles (`const U = wc(xI, FI)`, `ls = rf(sf, 50331648)` in
 * RealtimeKit 2.0.2; the same tables in Dyte 3.1.11).
 */
import type { ProtoRegistry } from './protoRegistry';
import type { ReceivedFrame, SocketServer } from './socketServer';

const room = (n: number): number => (0 << 16) + n;
const media = (n: number): number => 0x3000000 | n;

export const ROOM_EVENTS = {
  getRoomPeersInfo: room(2),
  joinRoom: room(3),
  getRoomInfo: room(5),
  getConnectedRoomsDump: room(20),
} as const;

export const MEDIA_EVENTS = {
  createWebRTCTransport: media(1),
  joinRoom: media(16),
  leaveRoom: media(17),
  selfJoinComplete: media(20),
  errorResponse: media(60),
} as const;

/** Who the SDK said it is when it joined the socket room. */
export interface JoinedPeer {
  peerId: string;
  userId: string;
  displayName: string;
}

interface PeerMessage {
  peerId?: string;
  userId?: string;
  displayName?: string;
}

/** Another participant in the room, as the media server lists them. */
export interface RemotePeer {
  peerId: string;
  userId: string;
  displayName: string;
}

export interface RoomOptions {
  meetingId: string;
  title: string;
  /** Who is already in the room when the SDK joins (`meeting.participants.joined`). */
  participants?: readonly RemotePeer[];
}

// socket.room.StageType.ON_STAGE = 1
const toPeerInfo = (p: RemotePeer) => ({ ...p, waitlisted: false, stageType: 1 });

export class RoomServer {
  /** Set when the SDK sends its room `joinRoom`. */
  self: JoinedPeer | undefined;
  private joinWaiters: ((peer: JoinedPeer) => void)[] = [];
  private dumpWaiters: (() => void)[] = [];

  constructor(
    private readonly socket: SocketServer,
    private readonly registry: ProtoRegistry,
    private readonly options: RoomOptions,
  ) {
    socket.handle(ROOM_EVENTS.joinRoom, (f) => this.onJoinRoom(f));
    socket.handle(ROOM_EVENTS.getRoomInfo, (f) => this.onRoomInfo(f));
    socket.handle(ROOM_EVENTS.getRoomPeersInfo, (f) =>
      this.reply(f, 'socket.room.RoomPeersInfoResponse', {
        peers: (options.participants ?? []).map(toPeerInfo),
      }),
    );
    // Breakout rooms: the SDK reads `parentMeeting.id` from the answer.
    socket.handle(ROOM_EVENTS.getConnectedRoomsDump, (f) => {
      this.reply(f, 'socket.room.GetConnectedRoomsDumpResponse', {
        parentMeeting: { id: options.meetingId, title: options.title, participants: [] },
        meetings: [],
      });
      for (const resolve of this.dumpWaiters.splice(0)) resolve();
    });
    socket.handle(MEDIA_EVENTS.createWebRTCTransport, (f) =>
      this.reply(f, 'media.CreateTransportResponse', {
        transportId: `transport-${Math.random().toString(36).slice(2)}`,
        // media.Target.PUBLISHER; the SDK's stubbed RTCPeerConnection accepts any SDP.
        description: { target: 0, type: 'answer', sdp: 'v=0\r\n' },
        producerIds: [],
      }),
    );
    socket.handle(MEDIA_EVENTS.selfJoinComplete, (f) =>
      this.reply(f, 'media.edge.PeerJoinCompleteResponse', {
        maxPreferredStreams: 6,
        participants: [],
        selectedPeers: { audioPeers: [], compulsoryPeers: [] },
        roomState: {
          displayTitle: options.title,
          lockedMode: false,
          roomUuid: options.meetingId,
          roomName: options.meetingId,
          currentPeerId: this.self?.peerId ?? '',
          pinnedPeerIds: [],
        },
      }),
    );
  }

  /**
   * Another participant joins: the socket room's `joinRoom` broadcast (a `PeerInfoResponse`),
   * which both SDKs add to `meeting.participants.joined`. Those present on join come from the
   * `getRoomPeersInfo` answer.
   */
  peerJoined(peer: RemotePeer): void {
    const type = this.registry.get('socket.room.PeerInfoResponse');
    this.socket.broadcast(
      ROOM_EVENTS.joinRoom,
      type.toBinary(type.create({ peer: toPeerInfo(peer) })),
    );
  }

  /** Resolves once the SDK has joined the socket room. */
  joined(): Promise<JoinedPeer> {
    if (this.self) return Promise.resolve(this.self);
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  /**
   * Resolves when the SDK's next `getConnectedRoomsDump` request has been answered. Both SDKs send
   * it on `roomJoined` without awaiting it, and their request rejects after a timeout when no
   * answer comes, a rejection nothing catches. A harness closed before answering it left that
   * rejection in the page after the test had ended ("unknown test" `PromiseRejectionEvent`).
   */
  nextConnectedRoomsDump(): Promise<void> {
    return new Promise((resolve) => this.dumpWaiters.push(resolve));
  }

  private reply(frame: ReceivedFrame, typeName: string, value: object): void {
    const type = this.registry.get(typeName);
    frame.connection.reply(frame, type.toBinary(type.create(value as Record<string, unknown>)));
  }

  private onJoinRoom(frame: ReceivedFrame): void {
    const request = this.registry
      .get<{ peer?: PeerMessage }>('socket.room.JoinRoomRequest')
      .fromBinary(frame.payload ?? new Uint8Array());
    const peer: JoinedPeer = {
      peerId: request.peer?.peerId ?? '',
      userId: request.peer?.userId ?? '',
      displayName: request.peer?.displayName ?? '',
    };
    this.self = peer;
    // socket.room.StageType.ON_STAGE = 1
    this.reply(frame, 'socket.room.PeerInfoResponse', {
      peer: { ...peer, waitlisted: false, stageType: 1 },
    });
    const waiters = this.joinWaiters;
    this.joinWaiters = [];
    for (const w of waiters) w(peer);
  }

  private onRoomInfo(frame: ReceivedFrame): void {
    this.reply(frame, 'socket.room.RoomInfoResponse', {
      room: {
        roomId: this.options.meetingId,
        title: this.options.title,
        createdAt: Date.now(),
        activeRecordings: [],
        roomUuid: this.options.meetingId,
      },
    });
  }
}
