import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who a browser tab is in the demo, kept in a signed, HttpOnly cookie so a reload (or a restart of
 * the demo) brings the same person back: same user id, name and role, so their messages stay
 * theirs and their private messages come back. Each tab has its own cookie (the tab's id, kept in
 * its sessionStorage, is part of the name and of the signature), so two tabs are two people.
 */
export interface Identity {
  userId: string;
  displayName: string;
  meetingId: string;
  preset: 'host' | 'participant';
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

/** How long an identity lasts without a visit; every rejoin renews it. */
export const IDENTITY_TTL_MS = 12 * 3600_000;
/** Identities a browser keeps (one per tab that joined); the oldest are dropped past this. */
export const MAX_IDENTITIES = 10;
const PREFIX = 'natter-demo-id-';
/** A tab id: what `crypto.randomUUID()` makes, or any such token. */
export const TAB_ID = /^[A-Za-z0-9_-]{8,64}$/;
const USER_ID = /^[a-z0-9-]{1,64}$/;
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const identityCookieName = (tab: string): string => `${PREFIX}${tab}`;

function mac(secret: string, tab: string, payload: string): string {
  // The label keeps these signatures apart from the demo's other use of the secret.
  return createHmac('sha256', secret)
    .update(`natter-demo-identity\n${tab}\n${payload}`)
    .digest('base64url');
}

/** The cookie value for `identity`, bound to the tab `tab`. */
export function signIdentity(secret: string, tab: string, identity: Identity): string {
  const { userId: u, displayName: n, meetingId: m, preset: p, expiresAt: e } = identity;
  const payload = Buffer.from(JSON.stringify({ u, n, m, p, e })).toString('base64url');
  return `${payload}.${mac(secret, tab, payload)}`;
}

/**
 * The identity in a cookie value, or undefined when it is not one this server signed for this tab
 * (forged, altered, another tab's, malformed) or it has expired. Never throws.
 */
export function verifyIdentity(
  secret: string,
  tab: string,
  value: string | undefined,
  now: number,
): Identity | undefined {
  if (!value || value.length > 2048 || !TAB_ID.test(tab)) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = value.slice(0, dot);
  const expected = Buffer.from(mac(secret, tab, payload));
  const given = Buffer.from(value.slice(dot + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { u, n, m, p, e } = (data ?? {}) as Record<string, unknown>;
  if (typeof u !== 'string' || !USER_ID.test(u)) return undefined;
  if (typeof n !== 'string' || n.length === 0 || n.length > 60) return undefined;
  if (typeof m !== 'string' || !ROOM_ID.test(m)) return undefined;
  if (p !== 'host' && p !== 'participant') return undefined;
  if (typeof e !== 'number' || !(e > now)) return undefined;
  return { userId: u, displayName: n, meetingId: m, preset: p, expiresAt: e };
}

/** Every cookie in a `Cookie` header, by name (the first of duplicates wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

const ATTRIBUTES = 'Path=/api; HttpOnly; SameSite=Strict';

export function setIdentityCookie(secret: string, tab: string, identity: Identity): string {
  const maxAge = Math.max(0, Math.floor((identity.expiresAt - Date.now()) / 1000));
  return `${identityCookieName(tab)}=${signIdentity(secret, tab, identity)}; ${ATTRIBUTES}; Max-Age=${maxAge}`;
}

export function clearIdentityCookie(tab: string): string {
  return `${identityCookieName(tab)}=; ${ATTRIBUTES}; Max-Age=0`;
}

/**
 * `Set-Cookie` values that drop this browser's other identity cookies that are invalid, expired,
 * or beyond the newest `MAX_IDENTITIES - 1` (so the request header stays small).
 */
export function pruneIdentityCookies(
  secret: string,
  cookies: Map<string, string>,
  keepTab: string,
  now: number,
): string[] {
  const valid: { tab: string; expiresAt: number }[] = [];
  const drop: string[] = [];
  for (const [name, value] of cookies) {
    if (!name.startsWith(PREFIX)) continue;
    const tab = name.slice(PREFIX.length);
    if (tab === keepTab) continue;
    const identity = verifyIdentity(secret, tab, value, now);
    if (identity) valid.push({ tab, expiresAt: identity.expiresAt });
    else if (TAB_ID.test(tab)) drop.push(tab);
  }
  valid.sort((a, b) => b.expiresAt - a.expiresAt);
  for (const { tab } of valid.slice(MAX_IDENTITIES - 1)) drop.push(tab);
  return drop.map(clearIdentityCookie);
}
