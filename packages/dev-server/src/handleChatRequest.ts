import { randomUUID } from 'node:crypto';
import type { ChangeAction, MessageRow, MessageStore } from './createMessageStore';
import { canSee } from './createMessageStore';
import type { FileStore } from './createFileStore';
import { isInlineImageType } from './createFileStore';
import type { ParticipantClaims } from './createTokenSigner';
import type { ClientFrame } from './parseClientFrame';
import { toWireMessage } from './toWireMessage';
import { OPEN_CONTROLS, permissionsFor, sendRefusal } from './chatControls';
import type { DevChatControls } from '@natter/core';
import type { ResolvedOptions } from './types';

/** Error codes of `error` frames: the SDKs' four-digit codes plus our own. */
export type ProtocolErrorCode =
  | '0502'
  | '0503'
  | '0504'
  | '0013'
  | 'forbidden'
  | 'bad-request'
  | 'unauthorized'
  | 'session-ended'
  | 'too-many-connections'
  | 'internal';

export class ProtocolError extends Error {
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The in-memory state of a session that has (or recently had) participants. */
export interface SessionState {
  id: string;
  meetingId: string;
  lastSeq: number;
  lastStamp: number;
  /** What the host allows participants (in memory: a restarted server opens the chat again). */
  controls?: DevChatControls;
}

export interface RequestContext {
  store: MessageStore;
  files: FileStore;
  options: ResolvedOptions;
  baseUrl: string;
  /** Counts a request of a kind against its rate limit; false when the key is over it. */
  takeRequest(kind: RateLimitedKind, key: string): boolean;
}

export interface RequestOutcome {
  result: unknown;
  /** The host changed the room's controls: every participant gets their new permissions. */
  controlsChanged?: boolean;
  change?: { action: ChangeAction; row: MessageRow; seq: number };
}

/** Sends, changes (edit, delete, pin, unpin) and history pages each have their own budget. */
export type RateLimitedKind = 'send' | 'change' | 'history';

const LIMITED: Record<
  RateLimitedKind,
  { what: string; option: 'rateLimits' | 'changeRateLimits' | 'historyRateLimits' }
> = {
  send: { what: 'messages', option: 'rateLimits' },
  change: { what: 'edits, deletes, pins and unpins', option: 'changeRateLimits' },
  history: { what: 'history pages', option: 'historyRateLimits' },
};

/** Counts the request against the user's budget in this session; throws `0013` when it is spent. */
function limit(
  ctx: RequestContext,
  kind: RateLimitedKind,
  session: SessionState,
  claims: ParticipantClaims,
): void {
  if (ctx.takeRequest(kind, `${session.id}\n${claims.userId}`)) return;
  const { what, option } = LIMITED[kind];
  const { maxInvocations, period } = ctx.options[option];
  throw new ProtocolError(
    '0013',
    `Rate limit of ${maxInvocations} ${what} per ${period} s exceeded.`,
  );
}

type SendFrame = Extract<ClientFrame, { type: 'sendText' | 'sendImage' | 'sendFile' }>;

function validateText(text: string, limit: number): void {
  if (text.length > limit)
    throw new ProtocolError('0503', `Text is longer than ${limit} characters.`);
  if (text === '') throw new ProtocolError('0502', 'Message can not be empty.');
}

function findOwned(
  ctx: RequestContext,
  session: SessionState,
  claims: ParticipantClaims,
  messageId: string,
  hostMay: boolean,
): MessageRow {
  const row = ctx.store.message(messageId);
  if (!row || row.deleted === 1 || row.session_id !== session.id || !canSee(row, claims.userId)) {
    throw new ProtocolError('0504', `No message found with id: ${messageId.slice(0, 128)}`);
  }
  if (row.user_id !== claims.userId && !(hostMay && claims.preset === 'host')) {
    throw new ProtocolError('forbidden', 'You may only change your own messages.');
  }
  return row;
}

function uploadedFile(
  ctx: RequestContext,
  claims: ParticipantClaims,
  fileId: string,
  image: boolean,
) {
  const file = ctx.files.get(fileId);
  if (!file || file.user_id !== claims.userId || file.meeting_id !== claims.meetingId) {
    throw new ProtocolError('bad-request', 'No upload of yours has this file id.');
  }
  if (image && (!isInlineImageType(file.type) || file.inline !== 1)) {
    throw new ProtocolError(
      'bad-request',
      'An image message needs a PNG, JPEG, GIF or WebP upload.',
    );
  }
  return file;
}

function send(
  ctx: RequestContext,
  session: SessionState,
  claims: ParticipantClaims,
  frame: SendFrame,
): RequestOutcome {
  const retried = ctx.store.byRequest(session.id, claims.userId, frame.id);
  if (retried) return { result: { messageId: retried.id, duplicate: true } };
  const refusal = sendRefusal(
    permissionsFor(session.controls ?? OPEN_CONTROLS, claims.preset),
    (frame.peerIds?.length ?? 0) > 0,
    frame.type === 'sendText' ? 'text' : 'file',
  );
  if (refusal) throw new ProtocolError('forbidden', refusal);
  if (frame.type === 'sendText') validateText(frame.text, ctx.options.maxTextLimit);
  limit(ctx, 'send', session, claims);
  const file =
    frame.type === 'sendText'
      ? undefined
      : uploadedFile(ctx, claims, frame.fileId, frame.type === 'sendImage');
  const audience = frame.peerIds?.length ? [...new Set([...frame.peerIds, claims.userId])] : null;
  session.lastStamp = Math.max(Date.now(), session.lastStamp + 1);
  const row: MessageRow = {
    id: randomUUID(),
    session_id: session.id,
    client_request_id: frame.id,
    user_id: claims.userId,
    display_name: claims.displayName,
    type: frame.type === 'sendText' ? 'text' : frame.type === 'sendImage' ? 'image' : 'file',
    text: frame.type === 'sendText' ? frame.text : null,
    file_id: file?.id ?? null,
    file_name: frame.type === 'sendFile' ? (file?.name ?? null) : null,
    file_size: frame.type === 'sendFile' ? (file?.size ?? null) : null,
    audience: audience ? JSON.stringify(audience) : null,
    pinned: 0,
    is_edited: 0,
    deleted: 0,
    created_at: session.lastStamp,
  };
  const seq = session.lastSeq + 1;
  ctx.store.insert(row, seq);
  session.lastSeq = seq;
  return { result: { messageId: row.id }, change: { action: 'add', row, seq } };
}

function change(
  ctx: RequestContext,
  session: SessionState,
  action: ChangeAction,
  row: MessageRow,
): RequestOutcome {
  const seq = session.lastSeq + 1;
  ctx.store.update(action, row, seq);
  session.lastSeq = seq;
  return { result: { messageId: row.id }, change: { action, row, seq } };
}

/** Handles every request except `hello`. Throws `ProtocolError` for refusals. Synchronous. */
export function handleChatRequest(
  ctx: RequestContext,
  session: SessionState,
  claims: ParticipantClaims,
  frame: Exclude<ClientFrame, { type: 'hello' }>,
): RequestOutcome {
  switch (frame.type) {
    case 'sendText':
    case 'sendImage':
    case 'sendFile':
      return send(ctx, session, claims, frame);
    case 'edit': {
      limit(ctx, 'change', session, claims);
      const row = findOwned(ctx, session, claims, frame.messageId, false);
      if (frame.text !== undefined) {
        if (row.type !== 'text')
          throw new ProtocolError('bad-request', 'Only a text message takes new text.');
        validateText(frame.text, ctx.options.maxTextLimit);
        return change(ctx, session, 'edit', { ...row, text: frame.text, is_edited: 1 });
      }
      if (row.type === 'text')
        throw new ProtocolError('bad-request', 'A text message takes new text, not a file.');
      const file = uploadedFile(ctx, claims, frame.fileId ?? '', row.type === 'image');
      const fields = row.type === 'file' ? { file_name: file.name, file_size: file.size } : {};
      const edited = change(ctx, session, 'edit', {
        ...row,
        file_id: file.id,
        ...fields,
        is_edited: 1,
      });
      if (row.file_id && row.file_id !== file.id) ctx.files.release(row.file_id);
      return edited;
    }
    case 'delete': {
      limit(ctx, 'change', session, claims);
      const row = findOwned(ctx, session, claims, frame.messageId, true);
      const tombstone = {
        ...row,
        text: null,
        file_id: null,
        file_name: null,
        file_size: null,
        pinned: 0,
      };
      const deleted = change(ctx, session, 'delete', { ...tombstone, deleted: 1 });
      if (row.file_id) ctx.files.release(row.file_id);
      return deleted;
    }
    case 'pin':
    case 'unpin': {
      limit(ctx, 'change', session, claims);
      const row = findOwned(ctx, session, claims, frame.messageId, true);
      return change(ctx, session, frame.type, { ...row, pinned: frame.type === 'pin' ? 1 : 0 });
    }
    case 'history': {
      limit(ctx, 'history', session, claims);
      const rows = ctx.store.history(frame.kind, {
        sessionId: session.id,
        userId: claims.userId,
        peerId: frame.userId,
        timestamp: frame.timestamp ?? Date.now(),
        before: frame.direction === 'before',
        limit: frame.limit,
      });
      return { result: { messages: rows.map((row) => toWireMessage(row, ctx.baseUrl)) } };
    }
    case 'ping':
      return { result: { now: Date.now() } };
    case 'setChatControls': {
      if (claims.preset !== 'host')
        throw new ProtocolError('forbidden', 'Only a host can change what participants may do.');
      session.controls = { ...(session.controls ?? OPEN_CONTROLS), ...frame.controls };
      return { result: { controls: session.controls }, controlsChanged: true };
    }
  }
}
