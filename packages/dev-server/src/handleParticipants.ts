import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteContext } from './RouteContext';
import { checkApiKey } from './checkApiKey';
import { readJsonBody, sendHttpError, sendJson } from './sendJson';
import { SAFE_ID } from './types';
import type { ParticipantPreset } from './types';

const MAX_NAME = 100;

/** A display name as given, minus control characters, trimmed; undefined when unusable. */
function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const name = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return name.length > 0 && name.length <= MAX_NAME ? name : undefined;
}

function issue(
  ctx: RouteContext,
  res: ServerResponse,
  meetingId: string,
  grant: { name: string; userId: string; preset: ParticipantPreset; sessionId?: string },
): void {
  const session = grant.sessionId
    ? ctx.store.session(grant.sessionId)
    : ctx.hub.activeSession(meetingId);
  if (!session || session.meeting_id !== meetingId || session.ended_at !== null) {
    return sendHttpError(res, 404, 'not-found', 'No open session with this id in this meeting.');
  }
  const exp = Date.now() + ctx.options.tokenTtlMs;
  const token = ctx.signer.signParticipant({
    userId: grant.userId,
    displayName: grant.name,
    meetingId,
    sessionId: grant.sessionId, // the token is JSON, which drops the key when undefined
    preset: grant.preset,
    exp,
  });
  sendJson(res, 201, {
    success: true,
    data: {
      token,
      userId: grant.userId,
      displayName: grant.name,
      meetingId,
      sessionId: session.id,
      preset: grant.preset,
      expiresAt: new Date(exp).toISOString(),
    },
  });
}

/**
 * `POST /v1/meetings/:meetingId/participants` (API key): `{ name, userId?, preset?, sessionId? }` →
 * 201 `{ success, data: { token, userId, displayName, meetingId, sessionId, preset, expiresAt } }`.
 * `sessionId` in the response is the meeting's open session (created when there is none).
 */
export async function addParticipant(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  meetingId: string,
): Promise<void> {
  if (!checkApiKey(req, ctx.options.apiKey, ctx.options.orgId)) {
    return sendHttpError(res, 401, 'unauthorized', 'A valid API key is required.');
  }
  const body = await readJsonBody(req);
  const name = cleanName(body.name);
  const { userId = randomUUID(), preset = 'participant', sessionId } = body;
  if (name === undefined)
    return sendHttpError(res, 400, 'bad-request', `\`name\` must be 1 to ${MAX_NAME} characters.`);
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 128) {
    return sendHttpError(
      res,
      400,
      'bad-request',
      '`userId` must be a string of 1 to 128 characters.',
    );
  }
  if (preset !== 'host' && preset !== 'participant') {
    return sendHttpError(res, 400, 'bad-request', '`preset` must be "host" or "participant".');
  }
  if (sessionId !== undefined && (typeof sessionId !== 'string' || !SAFE_ID.test(sessionId))) {
    return sendHttpError(res, 400, 'bad-request', '`sessionId` is malformed.');
  }
  issue(ctx, res, meetingId, { name, userId, preset, sessionId });
}

/**
 * `POST /v1/meetings/:meetingId/join` without the API key, only when `openJoin` is on (local
 * development): `{ name }` → a `participant` token with a fresh random user id.
 */
export async function openJoin(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  meetingId: string,
): Promise<void> {
  if (!ctx.options.openJoin) return sendHttpError(res, 404, 'not-found', 'Open join is disabled.');
  const name = cleanName((await readJsonBody(req)).name);
  if (name === undefined)
    return sendHttpError(res, 400, 'bad-request', `\`name\` must be 1 to ${MAX_NAME} characters.`);
  issue(ctx, res, meetingId, { name, userId: randomUUID(), preset: 'participant' });
}

/** `POST /v1/sessions/:sessionId/end` (API key): ends the session now; idempotent. */
export function endSession(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  sessionId: string,
): void {
  if (!checkApiKey(req, ctx.options.apiKey, ctx.options.orgId)) {
    return sendHttpError(res, 401, 'unauthorized', 'A valid API key is required.');
  }
  const ended = ctx.hub.endSession(sessionId);
  if (!ended) return sendHttpError(res, 404, 'not-found', 'No session with this id.');
  sendJson(res, 200, {
    success: true,
    data: {
      sessionId: ended.id,
      meetingId: ended.meeting_id,
      endedAt: new Date(ended.ended_at ?? Date.now()).toISOString(),
    },
  });
}
