/**
 * Who you are in the demo survives a reload: a signed, HttpOnly cookie per tab, issued by the demo
 * server (`/api/join`) and honoured by `/api/session`. Hostile cookies (forged, altered, expired,
 * another tab's or room's, garbage) get no identity, never someone else's. A real demo server and
 * dev server on random ports over a temp data directory; Debian's Chromium for the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { identityCookieName, signIdentity } from '../server/identity';
import { startDemo } from '../server/startDemo';
import type { DemoServer } from '../server/startDemo';

const WAIT_MS = 15_000;
const ROOM = `id-${Date.now().toString(36)}`;
let dir: string;
let demo: DemoServer;
let browser: Browser;
const pageErrors: string[] = [];

interface Joined {
  status: number;
  body: { userId?: string; displayName?: string; preset?: string; token?: string };
  cookies: string[];
}

async function post(path: string, body: unknown, cookie?: string): Promise<Joined> {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    // No Cookie header at all without a cookie (an undefined value would be sent as "undefined").
    headers: cookie
      ? { 'Content-Type': 'application/json', Cookie: cookie }
      : { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Joined['body'],
    cookies: response.headers.getSetCookie(),
  };
}

/** The `name=value` of the Set-Cookie named `name`. */
function cookieIn(joined: Joined, name: string): string {
  const found = joined.cookies.find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${joined.cookies.join(' | ')}`);
  return found.split(';')[0] ?? '';
}

const secret = () => readFileSync(join(dir, 'data', 'demo-secret'), 'utf8').trim();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'natter-demo-identity-'));
  demo = await startDemo({
    dataDir: join(dir, 'data'),
    cacheDir: join(dir, 'vite-cache'),
    port: 0,
    watch: false,
    log: () => undefined,
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('identity cookies at the demo API', () => {
  const tabA = 'tab-aaaaaaaaaaaa';
  const tabB = 'tab-bbbbbbbbbbbb';
  let ada: Joined;
  let grace: Joined;
  let adaCookie: string;
  let graceCookie: string;

  beforeAll(async () => {
    ada = await post('/api/join', { name: 'Ada', meetingId: ROOM, host: true, tab: tabA });
    grace = await post('/api/join', { name: 'Grace', meetingId: ROOM, tab: tabB });
    adaCookie = cookieIn(ada, identityCookieName(tabA));
    graceCookie = cookieIn(grace, identityCookieName(tabB));
  });

  it('issues an HttpOnly, SameSite=Strict cookie per tab, and gives the same person back', async () => {
    expect(ada.status).toBe(200);
    const setCookie = ada.cookies.find((c) => c.startsWith(identityCookieName(tabA)));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    const again = await post('/api/session', { meetingId: ROOM, tab: tabA }, adaCookie);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      userId: ada.body.userId,
      displayName: 'Ada',
      preset: 'host',
    });
    expect(again.body.token).toEqual(expect.any(String));
    // Both cookies in one browser: each tab still gets its own person.
    const both = `${adaCookie}; ${graceCookie}`;
    const asGrace = await post('/api/session', { meetingId: ROOM, tab: tabB }, both);
    expect(asGrace.body).toMatchObject({ userId: grace.body.userId, displayName: 'Grace' });
  });

  it('refuses forged, altered, expired, misplaced and garbage cookies, and clears them', async () => {
    const [, adaValue = ''] = adaCookie.split('=');
    const [, graceValue = ''] = graceCookie.split('=');
    const [payload = '', mac = ''] = adaValue.split('.');
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const altered = Buffer.from(JSON.stringify({ ...data, u: grace.body.userId })).toString(
      'base64url',
    );
    const expired = signIdentity(secret(), tabA, {
      userId: ada.body.userId ?? '',
      displayName: 'Ada',
      meetingId: ROOM,
      preset: 'host',
      expiresAt: Date.now() - 1000,
    });
    const otherSecret = signIdentity('not the demo secret at all', tabA, {
      userId: grace.body.userId ?? '',
      displayName: 'Grace',
      meetingId: ROOM,
      preset: 'host',
      expiresAt: Date.now() + 60_000,
    });
    const hostile: [string, string][] = [
      ['altered payload, original signature', `${altered}.${mac}`],
      ['signed with another secret', otherSecret],
      ['expired', expired],
      ["another tab's cookie", graceValue],
      ['garbage', 'garbage'],
      ['empty', ''],
      ['only dots', '...'],
      ['bad base64', '%%%.%%%'],
      ['huge', 'x'.repeat(3000)],
    ];
    for (const [what, value] of hostile) {
      const answer = await post(
        '/api/session',
        { meetingId: ROOM, tab: tabA },
        `${identityCookieName(tabA)}=${value}`,
      );
      expect({ what, status: answer.status, token: answer.body.token }).toEqual({
        what,
        status: 401,
        token: undefined,
      });
      if (value !== '')
        expect(answer.cookies, what).toContainEqual(
          expect.stringMatching(new RegExp(`^${identityCookieName(tabA)}=;.*Max-Age=0`)),
        );
    }
    // A good cookie for another room, or asked for without its tab, is no one there either.
    const otherRoom = await post('/api/session', { meetingId: 'elsewhere', tab: tabA }, adaCookie);
    expect(otherRoom.status).toBe(401);
    const noTab = await post('/api/session', { meetingId: ROOM }, adaCookie);
    expect(noTab.status).toBe(401);
    // Turned away, a browser joins as a new person, never as someone it forged.
    const fresh = await post('/api/join', { name: 'Ada', meetingId: ROOM, tab: tabA });
    expect(fresh.body.userId).not.toBe(ada.body.userId);
    expect(fresh.body.userId).not.toBe(grace.body.userId);
  });

  it('forgets a tab on leave', async () => {
    const left = await post('/api/leave', { tab: tabA }, adaCookie);
    expect(left.cookies).toContainEqual(
      expect.stringMatching(new RegExp(`^${identityCookieName(tabA)}=;.*Max-Age=0`)),
    );
  });
});

describe('a reload in the browser', () => {
  async function joinIn(page: Page, name: string): Promise<void> {
    await page.goto(`${demo.url}/?room=${ROOM}`);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('.demo-connection[data-state="connected"]').waitFor();
  }
  const own = (page: Page) => page.evaluate(() => window.__natterDemo?.userId);

  it('keeps who you are: name, own messages (Edit, Delete), private messages; two tabs are two people', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(WAIT_MS);
    const ada = await context.newPage();
    const grace = await context.newPage();
    for (const page of [ada, grace])
      page.on('pageerror', (error) => pageErrors.push(error.message));
    await joinIn(ada, 'Ada Reload');
    await joinIn(grace, 'Grace Reload');
    const adaId = await own(ada);
    const graceId = await own(grace);
    expect(adaId).toBeTruthy();
    expect(graceId).not.toBe(adaId);

    const box = ada.getByRole('textbox', { name: /message/i });
    await box.fill('Mine before the reload');
    await box.press('Enter');
    await grace.locator('.natter-message', { hasText: 'Mine before the reload' }).waitFor();
    // A private message to Ada (through the chat object: the recipient UI is not the point here).
    await grace.evaluate(
      (to) => window.__natterDemo?.chat.sendTextMessage('Only for Ada, kept', [to]),
      adaId ?? '',
    );
    // Private messages live in their own conversation: Ada opens hers with Grace.
    const conversations = ada.getByRole('navigation', { name: 'Conversations' });
    await conversations.getByRole('button', { name: /^Grace Reload/ }).click();
    await ada.locator('.natter-message', { hasText: 'Only for Ada, kept' }).waitFor();

    await Promise.all([ada.reload(), grace.reload()]);
    for (const page of [ada, grace])
      await page.locator('.demo-connection[data-state="connected"]').waitFor();
    expect(await own(ada)).toBe(adaId);
    expect(await own(grace)).toBe(graceId);
    await ada.getByText('Signed in as Ada Reload').waitFor();
    await grace.getByText('Signed in as Grace Reload').waitFor();
    await expect(ada.getByLabel('Your name').count()).resolves.toBe(0);
    await conversations.getByRole('button', { name: /^Grace Reload/ }).click();
    await ada.locator('.natter-message', { hasText: 'Only for Ada, kept' }).waitFor();
    await conversations.getByRole('button', { name: 'Everyone' }).click();

    const row = ada.locator('.natter-message', { hasText: 'Mine before the reload' });
    await row.hover();
    await row.getByRole('button', { name: /^Message actions/ }).click();
    const items = await ada.getByRole('menuitem').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining(['Edit', 'Delete']));
    await ada.keyboard.press('Escape');
    // The cookie is out of the page's reach.
    expect(await ada.evaluate(() => document.cookie)).not.toContain('natter-demo-id');

    // Leave, then reload: the lobby, as a new visitor.
    await ada.getByRole('button', { name: 'Leave' }).click();
    await ada.getByLabel('Your name').waitFor();
    await ada.reload();
    await ada.getByLabel('Your name').waitFor();
    await context.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
