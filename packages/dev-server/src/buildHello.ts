import type { MessageStore } from './createMessageStore';
import type { ParticipantClaims } from './createTokenSigner';
import type { SessionState } from './handleChatRequest';
import type { ClientFrame } from './parseClientFrame';
import { OPEN_CONTROLS, permissionsFor } from './chatControls';
import { toWireMessage } from './toWireMessage';
import type { WireMessage } from './toWireMessage';
import type { ResolvedOptions } from './types';

/**
 * The `result` of a `hello` ack: the session, who you are, the limits, the current sequence number
 * and either the newest history (a fresh join) or, when `lastSeq` belongs to this session and is at
 * most `joinHistoryLimit` changes old, each
 * message touched since then exactly once in its current state (`added` / `updated` / `deleted`;
 * a message both added and deleted in the gap is left out).
 */
export function buildHello(
  store: MessageStore,
  options: ResolvedOptions,
  baseUrl: string,
  session: SessionState,
  claims: ParticipantClaims,
  frame: Extract<ClientFrame, { type: 'hello' }>,
): Record<string, unknown> {
  // A resume replays each change since `lastSeq`; one from further back than `joinHistoryLimit`
  // changes (`lastSeq: 0` on a long session) would be the whole session in one frame: a fresh join.
  const resumed =
    frame.lastSeq !== undefined &&
    frame.sessionId === session.id &&
    frame.lastSeq <= session.lastSeq &&
    session.lastSeq - frame.lastSeq <= options.joinHistoryLimit;
  const result: Record<string, unknown> = {
    sessionId: session.id,
    meetingId: session.meetingId,
    self: { userId: claims.userId, displayName: claims.displayName, preset: claims.preset },
    maxTextLimit: options.maxTextLimit,
    rateLimits: options.rateLimits,
    maxUploadBytes: options.maxUploadBytes,
    allowedUploadTypes: options.allowedUploadTypes,
    seq: session.lastSeq,
    resumed,
    permissions: permissionsFor(session.controls ?? OPEN_CONTROLS, claims.preset),
  };
  if (!resumed) {
    result.messages = store
      .newest(session.id, claims.userId, options.joinHistoryLimit)
      .map((row) => toWireMessage(row, baseUrl));
    return result;
  }
  const changes: { added: WireMessage[]; updated: WireMessage[]; deleted: string[] } = {
    added: [],
    updated: [],
    deleted: [],
  };
  for (const row of store.changesSince(session.id, frame.lastSeq ?? 0, claims.userId)) {
    if (row.added === 1) {
      if (row.deleted === 0) changes.added.push(toWireMessage(row, baseUrl));
    } else if (row.deleted === 1) changes.deleted.push(row.id);
    else changes.updated.push(toWireMessage(row, baseUrl));
  }
  result.changes = changes;
  return result;
}
