import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import { buildHello } from './buildHello';
import { createBroadcaster } from './createBroadcaster';
import { createConnectionLimits } from './createConnectionLimits';
import type { BroadcastChannel } from './createBroadcaster';
import type { MessageStore, SessionRow } from './createMessageStore';
import { audienceOf } from './createMessageStore';
import type { FileStore } from './createFileStore';
import {
  DEV_CLOSE_SESSION_ENDED,
  DEV_CLOSE_TOO_MANY_CONNECTIONS,
  DEV_CLOSE_UNAUTHORIZED,
} from '@natter/core';
import { createRequestLimits } from './createRequestLimits';
import type { ParticipantClaims } from './createTokenSigner';
import { ProtocolError, handleChatRequest } from './handleChatRequest';
import type { ProtocolErrorCode, RequestOutcome, SessionState } from './handleChatRequest';
import { parseClientFrame } from './parseClientFrame';
import type { ClientFrame } from './parseClientFrame';
import { closeTooSlow, sendGuarded } from './sendGuarded';
import { toWireMessage } from './toWireMessage';
import { OPEN_CONTROLS, permissionsFor } from './chatControls';
import type { ServerContext } from './types';

interface Connection {
  ws: WebSocket;
  claims: ParticipantClaims;
  session: LiveSession;
  joined: boolean;
  alive: boolean;
}

/** Someone connected to a session, with how many of their sockets are joined (tabs, devices). */
interface Presence {
  userId: string;
  displayName: string;
  preset: ParticipantClaims['preset'];
  sockets: number;
}

interface LiveSession extends SessionState {
  createdAt: number;
  ended: boolean;
  connections: Set<Connection>;
  channel: BroadcastChannel;
  present: Map<string, Presence>;
  graceTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface ChatHubOptions {
  context: ServerContext;
  store: MessageStore;
  files: FileStore;
  onSessionEnded(session: SessionRow): void;
}

/** Realtime chat: sessions, the WebSocket protocol, broadcasts, resync, grace timers and heartbeats. */
export function createChatHub({ context, store, files, onSessionEnded }: ChatHubOptions) {
  const { options, logger } = context;
  const sessions = new Map<string, LiveSession>();
  const connections = new Set<Connection>();
  const sockets = createConnectionLimits(options);
  const takeRequest = createRequestLimits(options);
  const { maxBufferedBytes } = options;
  const broadcaster = createBroadcaster({ maxBufferedBytes, onTooSlow: closeTooSlow });
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) conn.ws.terminate();
      else {
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  function live(row: SessionRow): LiveSession {
    let session = sessions.get(row.id);
    if (!session) {
      const counters = store.counters(row.id);
      const connections = new Set<Connection>();
      session = {
        id: row.id,
        meetingId: row.meeting_id,
        createdAt: row.created_at,
        ended: false,
        connections,
        channel: broadcaster.channel(connections),
        present: new Map(),
        graceTimer: undefined,
        ...counters,
      };
      sessions.set(row.id, session);
    }
    return session;
  }

  /** The meeting's open session, created when there is none. */
  function activeSession(meetingId: string): SessionRow {
    return (
      store.activeSession(meetingId) ?? store.createSession(randomUUID(), meetingId, Date.now())
    );
  }

  const sendFrame = (ws: WebSocket, frame: object): unknown =>
    ws.readyState === WebSocket.OPEN && sendGuarded(ws, JSON.stringify(frame), maxBufferedBytes);
  const sendError = (ws: WebSocket, id: string | null, code: ProtocolErrorCode, text: string) =>
    void sendFrame(ws, { type: 'error', id, code, message: text });

  /** Serializes the event once; the broadcaster sends it with the rest of this turn's events. */
  function publish(session: LiveSession, change: NonNullable<RequestOutcome['change']>): void {
    const { action, row, seq } = change;
    const message = action === 'delete' ? { id: row.id } : toWireMessage(row, context.baseUrl());
    const audience = row.audience === null ? null : audienceOf(row);
    broadcaster.publish(session.channel, JSON.stringify({ seq, action, message }), audience);
  }

  function participantsOf(session: LiveSession) {
    return [...session.present.values()].map(({ userId, displayName, preset }) => ({
      userId,
      displayName,
      preset,
    }));
  }

  /** Tells everyone else in the session that a participant came or went (first / last socket). */
  function announce(
    session: LiveSession,
    action: 'join' | 'leave',
    who: Presence,
    skip?: Connection,
  ) {
    const { userId, displayName, preset } = who;
    const data = Buffer.from(
      JSON.stringify({ type: 'presence', action, participant: { userId, displayName, preset } }),
    );
    for (const conn of session.connections) {
      if (conn !== skip) sendGuarded(conn.ws, data, maxBufferedBytes);
    }
  }

  function hello(conn: Connection, frame: Extract<ClientFrame, { type: 'hello' }>): void {
    if (!takeRequest('join', `${conn.session.id}\n${conn.claims.userId}`)) {
      const { maxInvocations, period } = options.joinRateLimits;
      const text = `Rate limit of ${maxInvocations} joins per ${period} s exceeded; try again later.`;
      sendError(conn.ws, frame.id, '0013', text);
      return conn.ws.close(DEV_CLOSE_TOO_MANY_CONNECTIONS, 'too many joins');
    }
    const result = buildHello(store, options, context.baseUrl(), conn.session, conn.claims, frame);
    const { session, claims } = conn;
    conn.joined = true;
    session.connections.add(conn);
    clearTimeout(session.graceTimer);
    session.graceTimer = undefined;
    let presence = session.present.get(claims.userId);
    if (!presence) {
      presence = {
        userId: claims.userId,
        displayName: claims.displayName,
        preset: claims.preset,
        sockets: 0,
      };
      session.present.set(claims.userId, presence);
      announce(session, 'join', presence, conn);
    }
    presence.sockets += 1;
    result.participants = participantsOf(session);
    sendFrame(conn.ws, { type: 'ack', id: frame.id, result });
  }

  function onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return; // closing (too slow, ended): ignore the rest
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary)
      return sendError(conn.ws, null, 'bad-request', 'Binary frames are not part of the protocol.');
    if (bytes.length > options.maxFrameBytes) {
      return sendError(
        conn.ws,
        null,
        'bad-request',
        `Frames are limited to ${options.maxFrameBytes} bytes.`,
      );
    }
    const parsed = parseClientFrame(bytes.toString('utf8'));
    if (!parsed.ok) return sendError(conn.ws, parsed.id, 'bad-request', parsed.message);
    const { frame } = parsed;
    if (conn.session.ended)
      return sendError(conn.ws, frame.id, 'session-ended', 'This session has ended.');
    if (frame.type === 'hello') {
      if (conn.joined) return sendError(conn.ws, frame.id, 'bad-request', 'Already joined.');
    } else if (!conn.joined)
      return sendError(conn.ws, frame.id, 'bad-request', 'Send `hello` first.');
    let outcome: RequestOutcome;
    try {
      if (frame.type === 'hello') return hello(conn, frame);
      outcome = handleChatRequest(
        { store, files, options, baseUrl: context.baseUrl(), takeRequest },
        conn.session,
        conn.claims,
        frame,
      );
    } catch (error) {
      if (error instanceof ProtocolError)
        return sendError(conn.ws, frame.id, error.code, error.message);
      logger.warn(`request ${frame.type} failed`, error);
      return sendError(conn.ws, frame.id, 'internal', 'The server could not handle this request.');
    }
    sendFrame(conn.ws, { type: 'ack', id: frame.id, result: outcome.result });
    if (outcome.change) publish(conn.session, outcome.change);
    if (outcome.controlsChanged) {
      const controls = conn.session.controls ?? OPEN_CONTROLS;
      for (const other of conn.session.connections) {
        const permissions = permissionsFor(controls, other.claims.preset);
        sendFrame(other.ws, { type: 'permissions', permissions });
      }
    }
  }

  function onClose(conn: Connection): void {
    connections.delete(conn);
    sockets.release(conn.claims.userId);
    const { session } = conn;
    session.connections.delete(conn);
    const presence = conn.joined ? session.present.get(conn.claims.userId) : undefined;
    if (presence && --presence.sockets === 0) {
      session.present.delete(presence.userId);
      if (!closing && !session.ended) announce(session, 'leave', presence);
    }
    if (closing || session.ended || session.connections.size > 0 || session.graceTimer) return;
    session.graceTimer = setTimeout(() => {
      session.graceTimer = undefined;
      if (session.connections.size === 0) endSession(session.id);
    }, options.sessionGraceMs);
    session.graceTimer.unref();
  }

  function endSession(id: string): SessionRow | undefined {
    const row = store.session(id);
    if (!row) return undefined;
    const now = Date.now();
    const endedNow = store.endSession(id, now);
    const session = sessions.get(id);
    if (session) {
      session.ended = true;
      clearTimeout(session.graceTimer);
      sessions.delete(id);
      broadcaster.flush(session.channel);
      for (const conn of session.connections) {
        sendError(conn.ws, null, 'session-ended', 'This session has ended.');
        conn.ws.close(DEV_CLOSE_SESSION_ENDED, 'session ended');
      }
    }
    const ended = { ...row, ended_at: row.ended_at ?? now };
    if (endedNow) onSessionEnded(ended);
    return ended;
  }

  return {
    activeSession,
    endSession,
    /** Takes over an upgraded socket. `claims` is undefined when the token was refused. */
    accept(ws: WebSocket, claims: ParticipantClaims | { problem: string }): void {
      ws.on('error', (error) => logger.warn(`socket error: ${error.message}`));
      if ('problem' in claims) {
        sendError(ws, null, 'unauthorized', `The token was refused (${claims.problem}).`);
        return ws.close(DEV_CLOSE_UNAUTHORIZED, 'unauthorized');
      }
      const refusal = sockets.admit(claims.userId);
      if (refusal) {
        sendError(ws, null, 'too-many-connections', refusal);
        return ws.close(DEV_CLOSE_TOO_MANY_CONNECTIONS, 'too many connections');
      }
      let session: LiveSession;
      try {
        const row = claims.sessionId
          ? store.session(claims.sessionId)
          : activeSession(claims.meetingId);
        if (!row || row.meeting_id !== claims.meetingId || row.ended_at !== null) {
          sockets.release(claims.userId);
          sendError(ws, null, 'session-ended', 'This session has ended or does not exist.');
          return ws.close(DEV_CLOSE_SESSION_ENDED, 'session ended');
        }
        session = live(row);
      } catch (error) {
        logger.warn('accepting a socket failed', error);
        sockets.release(claims.userId);
        sendError(ws, null, 'internal', 'The server could not open this session.');
        return ws.close(1011, 'internal error');
      }
      const conn: Connection = { ws, claims, session, joined: false, alive: true };
      connections.add(conn);
      ws.on('pong', () => (conn.alive = true));
      ws.on('message', (data, isBinary) => onMessage(conn, data, isBinary));
      ws.on('close', () => onClose(conn));
    },
    /** Closes every socket with 1001 and waits (at most `timeoutMs`) for them to go. */
    async close(timeoutMs = 2000): Promise<void> {
      closing = true;
      clearInterval(heartbeat);
      broadcaster.flushAll();
      for (const session of sessions.values()) clearTimeout(session.graceTimer);
      const gone = [...connections].map(
        (conn) =>
          new Promise<void>((resolve) => {
            if (conn.ws.readyState === WebSocket.CLOSED) return resolve();
            conn.ws.once('close', () => resolve());
            conn.ws.close(1001, 'server shutting down');
          }),
      );
      const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.all(gone), timer]);
      for (const conn of connections) conn.ws.terminate();
    },
  };
}

export type ChatHub = ReturnType<typeof createChatHub>;
