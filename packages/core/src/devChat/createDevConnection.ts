import type { Logger } from '../logger';
import { createClientError } from '../localChat/createClientError';
import {
  DEV_CLOSE_SESSION_ENDED,
  DEV_CLOSE_TOO_MANY_CONNECTIONS,
  DEV_CLOSE_UNAUTHORIZED,
} from './devChatProtocol';
import type {
  DevEvent,
  DevHello,
  DevParticipant,
  DevPermissions,
  DevRequest,
  DevServerFrame,
} from './devChatProtocol';

/** The part of the browser `WebSocket` the client uses; `ws`'s class fits it too. */
export interface DevChatSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}
export type DevChatSocketConstructor = new (url: string) => DevChatSocket;

/**
 * `connecting` until the first join; `connected`; `reconnecting` after a drop (requests queue up);
 * `closed` after `close()`; `failed` when the server refused the token or ended the session.
 */
export type DevConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed' | 'failed';

export interface DevConnectionOptions {
  wsUrl: string;
  WebSocket: DevChatSocketConstructor;
  logger: Logger | undefined;
  minDelayMs: number;
  maxDelayMs: number;
  onHello(hello: DevHello): void;
  onEvent(event: DevEvent): void;
  onPresence(action: 'join' | 'leave', participant: DevParticipant): void;
  onPermissions(permissions: DevPermissions): void;
  /** `reason` is a code (`unauthorized`, `session-ended`, `too-many-connections`); `detail` the server's words. */
  onState(state: DevConnectionState, reason?: string, detail?: string): void;
}

interface Pending {
  request: DevRequest & { id: string };
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** An error from the server: SDK-shaped for the four-digit codes, else `code` is the server's word. */
export function serverError(code: string, message: string): Error & { code: string } {
  if (/^\d{4}$/.test(code)) return createClientError(code, message);
  return Object.assign(new Error(`[${code}] ${message}`), { name: 'DevChatError', code });
}

let counter = 0;
const newId = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * One logical connection over successive sockets: `hello` with the last sequence number seen on
 * every (re)connect, requests answered by id, requests made while down kept and sent (in order,
 * with the same ids, so the server drops a resend it already has) once joined again, and
 * reconnects with exponential backoff and jitter.
 */
export function createDevConnection(options: DevConnectionOptions) {
  const pending = new Map<string, Pending>();
  let socket: DevChatSocket | undefined;
  let joined = false;
  let state: DevConnectionState = 'connecting';
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSeq: number | undefined;
  let sessionId: string | undefined;
  let helloId = '';
  /** The last error frame not tied to a request (why the server is about to close the socket). */
  let refusal: { code: string; message: string } | undefined;

  function setState(next: DevConnectionState, reason?: string, detail?: string): void {
    if (next === state) return;
    state = next;
    options.onState(next, reason, detail);
  }

  function transmit(entry: Pending): void {
    socket?.send(JSON.stringify(entry.request));
  }

  function fail(reason: string): void {
    for (const entry of pending.values()) entry.reject(serverError('0012', reason));
    pending.clear();
  }

  function onEvent(event: DevEvent): void {
    if (lastSeq !== undefined && event.seq <= lastSeq) return; // already seen
    lastSeq = event.seq;
    options.onEvent(event);
  }

  function onFrame(frame: DevServerFrame): void {
    if (frame.type === 'events') {
      for (const event of frame.events) onEvent(event);
      return;
    }
    if (frame.type === 'event') return onEvent(frame);
    if (frame.type === 'presence') return options.onPresence(frame.action, frame.participant);
    if (frame.type === 'permissions') return options.onPermissions(frame.permissions);
    if (frame.type === 'ack' && frame.id === helloId) {
      const hello = frame.result as DevHello;
      sessionId = hello.sessionId;
      lastSeq = hello.seq;
      options.onHello(hello);
      joined = true;
      attempt = 0;
      setState('connected');
      for (const entry of pending.values()) transmit(entry);
      return;
    }
    const entry = frame.id === null ? undefined : pending.get(frame.id);
    if (!entry) {
      if (frame.type !== 'error') return;
      if (frame.id === null) refusal = { code: frame.code, message: frame.message };
      options.logger?.warn(`[dev chat] server error ${frame.code}: ${frame.message}`);
      return;
    }
    pending.delete(entry.request.id);
    if (frame.type === 'ack') entry.resolve(frame.result);
    else entry.reject(serverError(frame.code, frame.message));
  }

  function connect(): void {
    timer = undefined;
    const ws = new options.WebSocket(options.wsUrl);
    socket = ws;
    refusal = undefined;
    ws.onopen = (() => {
      helloId = newId();
      ws.send(
        JSON.stringify(
          lastSeq === undefined
            ? { id: helloId, type: 'hello' }
            : { id: helloId, type: 'hello', lastSeq, sessionId },
        ),
      );
    }) as never;
    ws.onmessage = ((event: { data: unknown }) => {
      let frame: DevServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as DevServerFrame;
      } catch {
        return options.logger?.warn('[dev chat] ignored a frame that is not JSON');
      }
      onFrame(frame);
    }) as never;
    ws.onerror = (() => undefined) as never;
    ws.onclose = ((event: { code: number; reason?: string }) => {
      if (socket !== ws) return;
      socket = undefined;
      joined = false;
      if (state === 'closed') return;
      if (event.code === DEV_CLOSE_UNAUTHORIZED || event.code === DEV_CLOSE_SESSION_ENDED) {
        const reason = event.code === DEV_CLOSE_UNAUTHORIZED ? 'unauthorized' : 'session-ended';
        setState('failed', reason, refusal?.message);
        return fail(`The dev server closed the connection (${reason}).`);
      }
      // Over the connection limit before ever joining (too many tabs): say so instead of retrying
      // in silence. After a join it is more likely a stale socket the server has not dropped yet.
      if (event.code === DEV_CLOSE_TOO_MANY_CONNECTIONS && state === 'connecting') {
        setState('failed', 'too-many-connections', refusal?.message);
        return fail(refusal?.message ?? 'The dev server has too many connections.');
      }
      if (state === 'connected') setState('reconnecting');
      const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** attempt);
      attempt += 1;
      timer = setTimeout(connect, ceiling / 2 + (Math.random() * ceiling) / 2);
    }) as never;
  }

  connect();

  return {
    get state(): DevConnectionState {
      return state;
    },
    /** Sends now when joined, else when joined again. Resolves with the ack's `result`. */
    request(request: DevRequest): Promise<unknown> {
      if (state === 'closed' || state === 'failed') {
        return Promise.reject(serverError('0012', `The connection is ${state}.`));
      }
      return new Promise((resolve, reject) => {
        const entry: Pending = { request: { ...request, id: newId() }, resolve, reject };
        pending.set(entry.request.id, entry);
        if (joined) transmit(entry);
      });
    },
    close(): void {
      if (state === 'closed') return;
      setState('closed');
      clearTimeout(timer);
      socket?.close(1000, 'closed by the client');
      socket = undefined;
      fail('The chat was closed.');
    },
  };
}

export type DevConnection = ReturnType<typeof createDevConnection>;
