import type { IncomingMessage, ServerResponse } from 'node:http';

/** Writes a JSON response with `no-store` and `nosniff`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** `{ success: false, error: { code, message } }`, the Dyte API's error shape. */
export function sendHttpError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { success: false, error: { code, message } }, headers);
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a small JSON object body (at most `maxBytes`); throws `BodyError` 413 / 400. */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = 16 * 1024,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(413, `The body is limited to ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BodyError(400, 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/**
 * Sets CORS headers for a browser-facing route: `*`, or the request's origin when it is listed.
 * Exposes `Content-Length` (download progress) and `Content-Disposition`.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  origins: '*' | readonly string[],
): void {
  const origin = req.headers.origin;
  if (origins === '*') res.setHeader('Access-Control-Allow-Origin', '*');
  else if (origin !== undefined && origins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  res.setHeader('Vary', 'Origin');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'Content-Length, Content-Disposition, Content-Type',
  );
}

/** Answers a CORS preflight. */
export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-File-Name',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}
