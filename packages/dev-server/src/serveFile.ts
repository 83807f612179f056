import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { RouteContext } from './RouteContext';
import { contentDisposition } from './contentDisposition';
import { sendHttpError } from './sendJson';

/**
 * `GET|HEAD /v1/files/:id`: the bytes with the stored `Content-Type`, `nosniff`, a sandboxing CSP
 * and a safe `Content-Disposition` (inline only for verified raster images, else attachment).
 * File ids are random UUIDs: the link is the capability (as with a storage bucket's object URL).
 */
export async function serveFile(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const file = ctx.files.get(id);
  const path = ctx.files.path(id);
  if (!file || !path) return sendHttpError(res, 404, 'not-found', 'No file with this id.');
  if (file.removed === 1)
    return sendHttpError(res, 410, 'deleted', 'This file was removed with its message.');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return sendHttpError(res, 404, 'not-found', 'No file with this id.');
  }
  // Revalidated on every use (cheap: 304 by ETag), so a file removed with its message is not kept
  // showing from a cache; `immutable` would have kept it for a year.
  const etag = `"${file.id}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'private, no-cache' });
    return void res.end();
  }
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': size,
    'Content-Disposition': contentDisposition(
      file.inline === 1 ? 'inline' : 'attachment',
      file.name,
    ),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': 'private, no-cache',
    ETag: etag,
  });
  if (req.method === 'HEAD') return void res.end();
  try {
    await pipeline(createReadStream(path), res);
  } catch (error) {
    ctx.logger.warn(`serving file ${id} failed`, error);
  }
}
