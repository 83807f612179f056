/**
 * The socket side of the harness: a mock-socket server speaking the SDKs' `message.v1.SocketMessage`
 * envelope, encoded with the SDK's own protobuf type.
 *
 * The SDKs' `./mock` export (`setupStubs`) replaces `window.WebSocket` with mock-socket's WebSocket
 * (every URL is redirected to `ws://localhost:8080/ws`) and starts a mock-socket `Server` there that
 * answers a handful of room and legacy media events, and every other request with an empty payload.
 * The harness keeps the WebSocket replacement, but swaps that server for its own (same class,
 * reached through `window.RTK_MOCK_SERVER.constructor`, since mock-socket is bundled and not
 * exported) so that it decides what every request gets.
 */
import type { ProtoRegistry, ProtoType } from './protoRegistry';

/** `message.v1.SocketMessage`, the envelope of every binary frame. */
export interface SocketEnvelope {
  event: number;
  id?: string;
  payload?: Uint8Array;
  metadata?: Uint8Array;
}

/** The server-side end of one client connection, as mock-socket hands it out. */
interface MockServerSocket {
  on(event: 'message', listener: (data: unknown) => void): void;
  on(event: 'close', listener: () => void): void;
  send(data: ArrayBuffer | string): void;
  close(options?: { code?: number; reason?: string }): void;
}

interface MockServer {
  on(event: 'connection', listener: (socket: MockServerSocket) => void): void;
  stop(callback?: () => void): void;
  close(options?: { code?: number; reason?: string }): void;
  clients(): unknown[];
}

type MockServerCtor = new (url: string, options: { mock: boolean }) => MockServer;

interface WindowWithMockServer {
  RTK_MOCK_SERVER?: MockServer;
}

/** The URL mock-socket's replacement WebSocket connects to, whatever the SDK asked for. */
export const MOCK_SOCKET_URL = 'ws://localhost:8080/ws';

/** A request as the server saw it. */
export interface ReceivedFrame extends SocketEnvelope {
  connection: SocketConnection;
}

export type FrameHandler = (frame: ReceivedFrame) => void;

/** One SDK connection. */
export class SocketConnection {
  constructor(
    private readonly server: SocketServer,
    private readonly socket: MockServerSocket,
  ) {}

  /** Send one envelope to this client. */
  send(envelope: SocketEnvelope): void {
    const bytes = this.server.envelope.toBinary(envelope);
    // mock-socket passes ArrayBuffers through untouched and stringifies everything else.
    this.socket.send(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  }

  /** Answer a request: same event and id. */
  reply(request: SocketEnvelope, payload: Uint8Array | undefined): void {
    this.send({ event: request.event, id: request.id, payload: payload ?? new Uint8Array() });
  }

  close(): void {
    this.socket.close({ code: 1000, reason: 'harness disposed' });
  }
}

export class SocketServer {
  readonly envelope: ProtoType<SocketEnvelope>;
  readonly connections: SocketConnection[] = [];
  /** Every binary frame any client sent, decoded envelope first. */
  readonly frames: ReceivedFrame[] = [];
  /** Events that had no handler (they got an empty answer, like the stock mock gives). */
  readonly unhandled: number[] = [];
  /** Called after every binary frame has been handled. */
  onFrame: ((frame: ReceivedFrame) => void) | undefined;
  private readonly handlers = new Map<number, FrameHandler>();
  private readonly server: MockServer;
  private connectionWaiters: ((c: SocketConnection) => void)[] = [];

  constructor(registry: ProtoRegistry) {
    this.envelope = registry.get<SocketEnvelope>('message.v1.SocketMessage');
    const win = window as unknown as WindowWithMockServer;
    const stock = win.RTK_MOCK_SERVER;
    if (!stock) throw new Error('sdk-harness: setupStubs() did not start a mock socket server');
    const Ctor = stock.constructor as MockServerCtor;
    stock.stop();
    this.server = new Ctor(MOCK_SOCKET_URL, { mock: false });
    win.RTK_MOCK_SERVER = this.server;
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Register the handler of one request event. */
  handle(event: number, handler: FrameHandler): void {
    this.handlers.set(event, handler);
  }

  /** Send a server-initiated frame (a broadcast) to every connection. */
  broadcast(event: number, payload: Uint8Array): void {
    for (const c of this.connections) c.send({ event, payload });
  }

  /** Resolves with the first connection (the SDK connects during `init()`). */
  firstConnection(): Promise<SocketConnection> {
    const first = this.connections[0];
    if (first) return Promise.resolve(first);
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  close(): void {
    for (const c of this.connections) c.close();
    this.server.stop();
  }

  private accept(socket: MockServerSocket): void {
    const connection = new SocketConnection(this, socket);
    this.connections.push(connection);
    const waiters = this.connectionWaiters;
    this.connectionWaiters = [];
    for (const w of waiters) w(connection);
    socket.on('message', (data) => {
      // "2" / "3" are sockrates' text pings and pongs.
      if (typeof data === 'string') {
        if (data === '2') socket.send('3');
        return;
      }
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
      const envelope = this.envelope.fromBinary(bytes);
      const frame: ReceivedFrame = { ...envelope, connection };
      this.frames.push(frame);
      const handler = this.handlers.get(envelope.event);
      if (handler) {
        handler(frame);
      } else {
        this.unhandled.push(envelope.event);
        connection.reply(envelope, undefined);
      }
      this.onFrame?.(frame);
    });
  }
}
