import type { IncomingMessage } from 'node:http';
import { safeEqual } from './createTokenSigner';

/**
 * Whether a request carries the API key: `Authorization: Basic base64(orgId:apiKey)` (Dyte's form;
 * the org id must match when one is configured) or `Authorization: Bearer <apiKey>`.
 * Compared in constant time.
 */
export function checkApiKey(
  req: IncomingMessage,
  apiKey: string,
  orgId: string | undefined,
): boolean {
  const header = req.headers.authorization ?? '';
  const expected = Buffer.from(apiKey, 'utf8');
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer?.[1] !== undefined) return safeEqual(Buffer.from(bearer[1].trim(), 'utf8'), expected);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (basic?.[1] === undefined) return false;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return false;
  const user = decoded.slice(0, colon);
  const keyMatches = safeEqual(Buffer.from(decoded.slice(colon + 1), 'utf8'), expected);
  const orgMatches =
    orgId === undefined || safeEqual(Buffer.from(user, 'utf8'), Buffer.from(orgId, 'utf8'));
  return keyMatches && orgMatches;
}

/** The bearer token of a request (a participant token for uploads), if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}
