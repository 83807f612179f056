/**
 * The chat side of the harness server: what the socket service does for `meeting.chat`. The event
 * ids and wire shapes it speaks are in `chatWire.ts`.
 *
 * The SDK's socket layer dispatches every frame by event number to all listeners, whatever its id,
 * so the answer to a request (same id) is also what the SDK's chat controller turns into events.
 * The server therefore sends each client exactly one frame per change: the requester gets it with
 * the request id, everyone else without. Failures go out as event 0xFFFF (`rg = 65535`, which
 * `sendMessagePromise` treats as an error for the matching id) with a `media.edge.ErrorResponse`,
 * the first error type the SDK tries to decode.
 *
 * Why this file stays whole (over 300 lines): it is one class, the chat service, whose request
 * handlers (one per SDK request) and remote-participant drivers all read and write the same
 * private state (stored messages, held sends, the recorder of what the SDK emitted). Splitting
 * the handlers out would hand that state around; the wire protocol is already in `chatWire.ts`.
 */
import type { ProtoRegistry } from './protoRegistry';
import type { JoinedPeer } from './roomServer';
import type { ReceivedFrame, SocketConnection, SocketServer } from './socketServer';
import { CHAT_EVENTS, SOCKET_ERROR_EVENT, nextId, toWire } from './chatWire';
import type {
  ChatListener,
  EmittedChatEvent,
  ReceivedChatRequest,
  ServerMessageInput,
  WireChatMessage,
} from './chatWire';

export interface ChatServerOptions {
  /** Dyte's `PinChatMessageResponse` has no `message` field; RealtimeKit's has. */
  pinResponseCarriesMessage: boolean;
}

export class ChatServer {
  /** The room's messages, oldest first, as the server stores them. */
  readonly messages: WireChatMessage[] = [];
  /** Every chat request the SDK sent, in order. */
  readonly received: ReceivedChatRequest[] = [];
  private chatObject: ChatListener | undefined;
  private readonly emitted: EmittedChatEvent[] = [];
  private readonly recorders = new Map<string, (payload: unknown) => void>();
  private selfPeer: (() => JoinedPeer | undefined) | undefined;
  /** While set, own sends are stored but their echo waits for `releaseSends()`. */
  private held: (() => void)[] | undefined;

  constructor(
    private readonly socket: SocketServer,
    private readonly registry: ProtoRegistry,
    private readonly options: ChatServerOptions,
  ) {
    socket.handle(CHAT_EVENTS.getMessages, (f) => this.onGetMessages(f));
    socket.handle(CHAT_EVENTS.sendMessageToRoom, (f) => this.onSendToRoom(f));
    socket.handle(CHAT_EVENTS.sendMessageToPeers, (f) => this.onSendToPeers(f));
    socket.handle(CHAT_EVENTS.editMessage, (f) => this.onEdit(f));
    socket.handle(CHAT_EVENTS.deleteMessage, (f) => this.onDelete(f));
    socket.handle(CHAT_EVENTS.getPaginatedMessages, (f) => this.onPaginated(f));
    socket.handle(CHAT_EVENTS.searchChannelMessages, (f) => this.onSearch(f));
    socket.handle(CHAT_EVENTS.pinMessage, (f) => this.onPin(f));
  }

  /** @internal Wire the SDK's identity (from its room join) and chat object. */
  attach(selfPeer: () => JoinedPeer | undefined, chatObject: ChatListener): void {
    this.selfPeer = selfPeer;
    this.chatObject = chatObject;
    for (const name of ['chatUpdate', 'pinMessage', 'unpinMessage'] as const) {
      const recorder = (payload: unknown): void => {
        this.emitted.push({ name, payload });
      };
      this.recorders.set(name, recorder);
      chatObject.on(name, recorder);
    }
  }

  /** @internal */
  detach(): void {
    if (!this.chatObject) return;
    for (const [name, recorder] of this.recorders) this.chatObject.off(name, recorder);
    this.recorders.clear();
  }

  /** Replace the stored history (call before `join()`: the SDK fetches it on join). */
  setHistory(messages: ServerMessageInput[]): WireChatMessage[] {
    const wire = messages.map(toWire);
    this.messages.splice(0, this.messages.length, ...wire);
    return wire;
  }

  /**
   * Send a frame to every client and return what the SDK emitted on `meeting.chat` while handling
   * it. mock-socket delivers server frames synchronously and the SDKs' chat handlers are
   * synchronous, so the events are all there when `send` returns.
   */
  private push(
    event: number,
    payload: Uint8Array,
    requester?: { connection: SocketConnection; id: string | undefined },
  ): EmittedChatEvent[] {
    const start = this.emitted.length;
    for (const connection of this.socket.connections) {
      if (requester && connection === requester.connection)
        connection.send({ event, id: requester.id, payload });
      else connection.send({ event, payload });
    }
    return this.emitted.slice(start);
  }

  private encode(typeName: string, value: object): Uint8Array {
    const type = this.registry.get(typeName);
    return type.toBinary(type.create(value as Record<string, unknown>));
  }

  private decode(typeName: string, frame: ReceivedFrame): Record<string, unknown> {
    return this.registry.get(typeName).fromBinary(frame.payload ?? new Uint8Array());
  }

  private record(
    event: keyof typeof CHAT_EVENTS,
    frame: ReceivedFrame,
    request: Record<string, unknown>,
  ): void {
    this.received.push({ event, id: frame.id, request });
  }

  private fail(frame: ReceivedFrame, message: string): void {
    frame.connection.send({
      event: SOCKET_ERROR_EVENT,
      id: frame.id,
      payload: this.encode('media.edge.ErrorResponse', {
        errorMessage: message,
        eventId: frame.event,
      }),
    });
  }

  private find(chatId: string): WireChatMessage | undefined {
    return this.messages.find((m) => m.chatId === chatId);
  }

  private sender(): JoinedPeer {
    const self = this.selfPeer?.();
    if (!self)
      throw new Error('sdk-harness: a chat request arrived before the SDK joined the room');
    return self;
  }

  // --- requests from the SDK -------------------------------------------------------------------

  private onGetMessages(frame: ReceivedFrame): void {
    this.record('getMessages', frame, {});
    frame.connection.reply(
      frame,
      this.encode('socket.chat.GetChatMessagesResponse', { messages: this.messages }),
    );
  }

  private onSendToRoom(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.SendChatMessageToRoomRequest', frame) as {
      payloadType: number;
      payload: string;
    };
    this.record('sendMessageToRoom', frame, request);
    const self = this.sender();
    const now = Date.now();
    const message: WireChatMessage = {
      chatId: nextId(),
      peerId: self.peerId,
      userId: self.userId,
      displayName: self.displayName,
      pinned: false,
      isEdited: false,
      payloadType: request.payloadType,
      payload: request.payload,
      targetUserIds: [],
      createdAt: Math.floor(now / 1000),
      createdAtMs: now,
    };
    this.messages.push(message);
    const echo = () =>
      this.push(
        CHAT_EVENTS.sendMessageToRoom,
        this.encode('socket.chat.SendChatMessageToRoomResponse', { message }),
        {
          connection: frame.connection,
          id: frame.id,
        },
      );
    if (this.held) this.held.push(echo);
    else echo();
  }

  private onSendToPeers(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.SendChatMessageToPeersRequest', frame) as {
      payloadType: number;
      payload: string;
      peerIds: string[];
    };
    this.record('sendMessageToPeers', frame, request);
    const self = this.sender();
    const now = Date.now();
    // Peer ids of the harness's remote participants are `peer-<userId>`.
    const targetUserIds = request.peerIds.map((p) =>
      p === self.peerId ? self.userId : p.replace(/^peer-/, ''),
    );
    const message: WireChatMessage = {
      chatId: nextId(),
      peerId: self.peerId,
      userId: self.userId,
      displayName: self.displayName,
      pinned: false,
      isEdited: false,
      payloadType: request.payloadType,
      payload: request.payload,
      targetUserIds,
      createdAt: Math.floor(now / 1000),
      createdAtMs: now,
    };
    this.messages.push(message);
    // Only the sender's client is connected here; the recipients are simulated.
    frame.connection.reply(
      frame,
      this.encode('socket.chat.SendChatMessageToPeersResponse', { message }),
    );
  }

  private onEdit(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.EditChatMessageRequest', frame) as {
      chatId: string;
      payloadType?: number;
      payload?: string;
      pinned?: boolean;
    };
    this.record('editMessage', frame, request);
    const message = this.find(request.chatId);
    if (!message) {
      this.fail(frame, `message ${request.chatId} not found`);
      return;
    }
    if (request.payloadType !== undefined) message.payloadType = request.payloadType;
    if (request.payload !== undefined) message.payload = request.payload;
    if (request.pinned !== undefined) message.pinned = request.pinned;
    message.isEdited = true;
    this.push(
      CHAT_EVENTS.editMessage,
      this.encode('socket.chat.EditChatMessageResponse', { message }),
      { connection: frame.connection, id: frame.id },
    );
  }

  private onDelete(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.DeleteChatMessageRequest', frame) as {
      chatId: string;
      channelId?: string;
    };
    this.record('deleteMessage', frame, request);
    const index = this.messages.findIndex((m) => m.chatId === request.chatId);
    if (index === -1) {
      this.fail(frame, `message ${request.chatId} not found`);
      return;
    }
    this.messages.splice(index, 1);
    this.push(
      CHAT_EVENTS.deleteMessage,
      this.encode('socket.chat.DeleteChatMessageResponse', { chatId: request.chatId }),
      {
        connection: frame.connection,
        id: frame.id,
      },
    );
  }

  private onPaginated(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.GetPaginatedChatMessageRoomRequest', frame) as {
      timeStamp: number;
      size: number;
      from: number;
      reversed: boolean;
      filters?: {
        filters:
          | { oneofKind: 'pinned'; pinned: boolean }
          | { oneofKind: 'userId'; userId: string }
          | { oneofKind: undefined };
      };
    };
    this.record('getPaginatedMessages', frame, request);
    let pool = this.messages.filter((m) => m.targetUserIds.length === 0);
    const filter = request.filters?.filters;
    if (filter?.oneofKind === 'pinned') pool = pool.filter((m) => m.pinned === filter.pinned);
    if (filter?.oneofKind === 'userId') {
      const self = this.selfPeer?.();
      pool = this.messages.filter(
        (m) =>
          m.targetUserIds.length > 0 &&
          m.targetUserIds.includes(filter.userId) &&
          (!self || m.targetUserIds.includes(self.userId)),
      );
    }
    const time = (m: WireChatMessage): number => m.createdAtMs ?? m.createdAt * 1000;
    // `reversed` (direction 'before'): messages older than the timestamp, newest first;
    // otherwise messages from the timestamp on, oldest first.
    const selected = request.reversed
      ? pool.filter((m) => time(m) < request.timeStamp).sort((a, b) => time(b) - time(a))
      : pool.filter((m) => time(m) >= request.timeStamp).sort((a, b) => time(a) - time(b));
    const page = selected.slice(request.from, request.from + request.size);
    frame.connection.reply(
      frame,
      this.encode('socket.chat.GetPaginatedChatMessageRoomResponse', {
        messages: page,
        next: selected.length > request.from + request.size,
      }),
    );
  }

  private onSearch(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.SearchChatMessagesRequest', frame) as {
      searchTerm: string;
      size: number;
    };
    this.record('searchChannelMessages', frame, request);
    const term = request.searchTerm.toLowerCase();
    const found = this.messages
      .filter((m) => m.payloadType === 0 && m.payload.toLowerCase().includes(term))
      .slice(0, request.size || undefined);
    frame.connection.reply(
      frame,
      this.encode('socket.chat.GetChatMessagesResponse', { messages: found }),
    );
  }

  private onPin(frame: ReceivedFrame): void {
    const request = this.decode('socket.chat.PinChatMessageRequest', frame) as {
      chatId: string;
      pinned: boolean;
    };
    this.record('pinMessage', frame, request);
    const message = this.find(request.chatId);
    if (!message) {
      this.fail(frame, `message ${request.chatId} not found`);
      return;
    }
    message.pinned = request.pinned;
    this.push(CHAT_EVENTS.pinMessage, this.pinPayload(message), {
      connection: frame.connection,
      id: frame.id,
    });
  }

  private pinPayload(message: WireChatMessage): Uint8Array {
    const response: Record<string, unknown> = { chatId: message.chatId, pinned: message.pinned };
    if (this.options.pinResponseCarriesMessage) response.message = message;
    return this.encode('socket.chat.PinChatMessageResponse', response);
  }

  // --- another participant, driven by the test -------------------------------------------------

  /** Own sends are stored, but their echo (and the SDK's send promise) waits for `releaseSends`. */
  holdSends(): void {
    this.held ??= [];
  }

  /** Sends the held echoes in order and stops holding. */
  releaseSends(): EmittedChatEvent[] {
    const start = this.emitted.length;
    const held = this.held ?? [];
    this.held = undefined;
    for (const echo of held) echo();
    return this.emitted.slice(start);
  }

  /** Broadcasts a stored message again, as a server does after a reconnect or a retry. */
  redeliver(chatId: string): EmittedChatEvent[] {
    const message = this.find(chatId);
    if (!message) throw new Error(`sdk-harness: no message ${chatId} to redeliver`);
    return this.push(
      CHAT_EVENTS.sendMessageToRoom,
      this.encode('socket.chat.SendChatMessageToRoomResponse', { message }),
    );
  }

  /** Another participant posts to the room. Returns the stored message and what the SDK emitted. */
  remoteSend(input: ServerMessageInput): { message: WireChatMessage; emitted: EmittedChatEvent[] } {
    const message = toWire(input);
    this.messages.push(message);
    const emitted = this.push(
      CHAT_EVENTS.sendMessageToRoom,
      this.encode('socket.chat.SendChatMessageToRoomResponse', { message }),
    );
    return { message, emitted };
  }

  /** Another participant (a host) edits a message's text. Unknown ids are still broadcast. */
  remoteEdit(chatId: string, text: string): EmittedChatEvent[] {
    const stored = this.find(chatId);
    const message = stored ?? {
      ...toWire({ id: chatId, userId: 'unknown', displayName: 'Unknown', text }),
      isEdited: true,
    };
    message.payloadType = 0;
    message.payload = text;
    message.isEdited = true;
    return this.push(
      CHAT_EVENTS.editMessage,
      this.encode('socket.chat.EditChatMessageResponse', { message }),
    );
  }

  /** Another participant (a host) deletes a message. Unknown ids are still broadcast. */
  remoteDelete(chatId: string): EmittedChatEvent[] {
    const index = this.messages.findIndex((m) => m.chatId === chatId);
    if (index !== -1) this.messages.splice(index, 1);
    return this.push(
      CHAT_EVENTS.deleteMessage,
      this.encode('socket.chat.DeleteChatMessageResponse', { chatId }),
    );
  }

  /** Another participant (a host) pins or unpins a message. Unknown ids are still broadcast. */
  remoteSetPinned(chatId: string, pinned: boolean): EmittedChatEvent[] {
    const stored = this.find(chatId);
    const message =
      stored ?? toWire({ id: chatId, userId: 'unknown', displayName: 'Unknown', text: '' });
    message.pinned = pinned;
    return this.push(CHAT_EVENTS.pinMessage, this.pinPayload(message));
  }
}
