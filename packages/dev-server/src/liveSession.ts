import type { WebSocket } from 'ws';
import type { BroadcastChannel } from './createBroadcaster';
import type { ParticipantClaims } from './createTokenSigner';
import type { SessionState } from './handleChatRequest';

// What the chat hub keeps in memory per session and per socket (createChatHub.ts).

/** One joined or joining socket. */
export interface Connection {
  ws: WebSocket;
  claims: ParticipantClaims;
  session: LiveSession;
  joined: boolean;
  alive: boolean;
}

/** Someone connected to a session, with how many of their sockets are joined (tabs, devices). */
export interface Presence {
  userId: string;
  displayName: string;
  preset: ParticipantClaims['preset'];
  sockets: number;
}

export interface LiveSession extends SessionState {
  createdAt: number;
  ended: boolean;
  connections: Set<Connection>;
  channel: BroadcastChannel;
  present: Map<string, Presence>;
  graceTimer: ReturnType<typeof setTimeout> | undefined;
}
