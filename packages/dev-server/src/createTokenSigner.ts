import { createHmac, timingSafeEqual } from 'node:crypto';
import { SAFE_ID } from './types';
import type { ParticipantPreset } from './types';

/** What a participant token says. Identity on the socket comes from here and nowhere else. */
export interface ParticipantClaims {
  userId: string;
  displayName: string;
  meetingId: string;
  /** When set, the token joins this session only. */
  sessionId?: string;
  preset: ParticipantPreset;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

export type TokenProblem = 'malformed' | 'bad-signature' | 'expired';

export interface TokenSigner {
  signParticipant(claims: ParticipantClaims): string;
  verifyParticipant(token: string, now: number): ParticipantClaims | { problem: TokenProblem };
  /** Hex HMAC of a download URL's session id and expiry. */
  signDownload(sessionId: string, expires: number): string;
  verifyDownload(sessionId: string, expires: string, signature: string): boolean;
}

const MAX_TOKEN_LENGTH = 4096;
const PRESETS = new Set<string>(['host', 'participant']);

/** Constant-time comparison that does not leak the length through an exception. */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * HMAC-SHA256 signing of participant tokens (`base64url(json).base64url(mac)`) and download URLs.
 * Every MAC is bound to its purpose, so a download signature can never pass as a token.
 */
export function createTokenSigner(secret: string): TokenSigner {
  const mac = (purpose: string, data: string): Buffer =>
    createHmac('sha256', secret).update(`natter:${purpose}\n${data}`).digest();

  return {
    signParticipant(claims) {
      const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
      return `${body}.${mac('participant', body).toString('base64url')}`;
    },
    verifyParticipant(token, now) {
      if (token.length > MAX_TOKEN_LENGTH) return { problem: 'malformed' };
      const parts = token.split('.');
      const [body, signature] = parts;
      if (parts.length !== 2 || !body || !signature || !/^[A-Za-z0-9_-]+$/.test(signature)) {
        return { problem: 'malformed' };
      }
      if (!safeEqual(Buffer.from(signature, 'base64url'), mac('participant', body))) {
        return { problem: 'bad-signature' };
      }
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return { problem: 'malformed' };
      }
      if (!isClaims(claims)) return { problem: 'malformed' };
      return claims.exp > now ? claims : { problem: 'expired' };
    },
    signDownload(sessionId, expires) {
      return mac('download', `${sessionId}\n${expires}`).toString('hex');
    },
    verifyDownload(sessionId, expires, signature) {
      if (!/^[0-9a-f]{64}$/.test(signature) || !/^\d{1,16}$/.test(expires)) return false;
      const expected = mac('download', `${sessionId}\n${Number(expires)}`);
      return safeEqual(Buffer.from(signature, 'hex'), expected);
    },
  };
}

function isClaims(value: unknown): value is ParticipantClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.userId === 'string' &&
    c.userId.length > 0 &&
    c.userId.length <= 128 &&
    typeof c.displayName === 'string' &&
    c.displayName.length <= 200 &&
    typeof c.meetingId === 'string' &&
    SAFE_ID.test(c.meetingId) &&
    (c.sessionId === undefined || (typeof c.sessionId === 'string' && SAFE_ID.test(c.sessionId))) &&
    typeof c.preset === 'string' &&
    PRESETS.has(c.preset) &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp)
  );
}
