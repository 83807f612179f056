import type { IncomingMessage, ServerResponse } from 'node:http';
import { sanitizeFilename } from '@natter/core';
import type { RouteContext } from './RouteContext';
import { bearerToken } from './checkApiKey';
import { QuotaExceeded, UploadTooLarge, UploadTypeMismatch } from './createFileStore';
import type { UploadMeta } from './createFileStore';
import { sendHttpError, sendJson } from './sendJson';
import { fileLink } from './toWireMessage';

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** `image/png` is allowed by `image/png` or `image/*`. */
export function isAllowedType(type: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (entry) => entry === type || (entry.endsWith('/*') && type.startsWith(entry.slice(0, -1))),
  );
}

/**
 * The client's name from `X-File-Name`, percent-decoded (UTF-8) when it can be; then only its last
 * path segment (either slash), NFC, and core's `sanitizeFilename` (no control or bidi-override
 * characters, none Windows forbids, at most 200 characters). Falls back to `file`. The result never
 * names a path: files are stored under server-chosen ids.
 */
function fileNameOf(req: IncomingMessage): string {
  const raw = req.headers['x-file-name'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return 'file';
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // not percent-encoded: keep as received
  }
  const last = decoded.split(/[\\/]/).pop() ?? '';
  return sanitizeFilename(last.normalize('NFC'), 'file');
}

/** A refusal that also drops the connection, so a client still sending a large body stops. */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendHttpError(res, status, code, message, { Connection: 'close' });
}

/**
 * `POST /v1/uploads` with a participant token (`Authorization: Bearer …`), the raw bytes as the
 * body, their `Content-Type`, and the file name percent-encoded in `X-File-Name`.
 * 201 `{ success, data: { id, url, name, size, type } }`; 401 bad token, 410 `session-ended`,
 * 413 `too-large` over `maxUploadBytes` or `quota-exceeded` over `uploadQuotaBytes` /
 * `sessionUploadQuotaBytes`, 415 type not allowed (or image bytes that are not that image type).
 */
export async function handleUpload(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const claims = ctx.signer.verifyParticipant(bearerToken(req) ?? '', Date.now());
  if ('problem' in claims)
    return refuse(res, 401, 'unauthorized', `The token was refused (${claims.problem}).`);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!MEDIA_TYPE.test(type) || !isAllowedType(type, ctx.options.allowedUploadTypes)) {
    return refuse(
      res,
      415,
      'unsupported-type',
      `Uploads of type "${type.slice(0, 80) || 'none'}" are not allowed.`,
    );
  }
  // A token bound to a session uploads into it; a meeting token into the meeting's open session.
  const session = claims.sessionId
    ? ctx.store.session(claims.sessionId)
    : ctx.store.activeSession(claims.meetingId);
  if (!session || session.meeting_id !== claims.meetingId || session.ended_at !== null) {
    return refuse(res, 410, 'session-ended', 'This session has ended: uploads are closed.');
  }
  const max = ctx.options.maxUploadBytes;
  const meta: UploadMeta = {
    userId: claims.userId,
    meetingId: claims.meetingId,
    sessionId: session.id,
    name: fileNameOf(req),
    type,
    maxBytes: max,
    quota: {
      participant: ctx.options.uploadQuotaBytes,
      session: ctx.options.sessionUploadQuotaBytes,
    },
  };
  const declared = Number(req.headers['content-length'] ?? NaN);
  try {
    if (Number.isFinite(declared) && declared > max) throw new UploadTooLarge();
    if (Number.isFinite(declared)) ctx.files.checkQuota(meta, declared);
    const file = await ctx.files.save(req, meta);
    sendJson(res, 201, {
      success: true,
      data: {
        id: file.id,
        url: fileLink(ctx.baseUrl(), file.id),
        name: file.name,
        size: file.size,
        type: file.type,
      },
    });
  } catch (error) {
    if (error instanceof UploadTooLarge)
      return refuse(res, 413, 'too-large', `Uploads are limited to ${max} bytes.`);
    if (error instanceof QuotaExceeded) return refuse(res, 413, 'quota-exceeded', error.message);
    if (error instanceof UploadTypeMismatch) {
      return refuse(res, 415, 'unsupported-type', `The bytes are not a valid ${type} image.`);
    }
    if (!res.headersSent && !res.destroyed)
      refuse(res, 400, 'bad-request', 'The upload did not complete.');
  }
}
