/**
 * The demo end to end: a real demo server (API routes + Vite) and dev server on random ports over
 * a temp data directory, and Debian's Chromium driven by playwright-core. People join one meeting
 * from separate browser contexts (separate cookies and storage, like separate machines) and chat
 * through the UI. Every wait is for a condition, bounded by Playwright's timeouts.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatDump } from '@natter/core';
import { makePng } from './makePng';
import { WAIT_MS, connected, focused, message, openDemoRoom, send } from './room';
import type { DemoRoom } from './room';

let room: DemoRoom;
let ada: Page;
let grace: Page;
let carol: Page;

/**
 * Turns a host switch on or off. The switch shows the server's state, so it changes only after the
 * round trip: click, then wait for it (Playwright's check() wants the change at once).
 */
async function setSwitch(control: Locator, on: boolean): Promise<void> {
  if ((await control.isChecked()) !== on) await control.click();
  const deadline = Date.now() + WAIT_MS;
  while ((await control.isChecked()) !== on) {
    if (Date.now() > deadline) throw new Error(`The switch did not turn ${on ? 'on' : 'off'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the actions menu of the message with `text` and picks `action`. */
async function act(page: Page, text: string, action: 'Edit' | 'Delete' | 'Pin' | 'Unpin') {
  const row = message(page, text);
  await row.hover();
  // Opened and picked from the keyboard, the menu's accessible path: a pointer click can land on
  // another row when a message arriving in the other tabs' broadcast shifts the list under it.
  await row.getByRole('button', { name: /^Message actions/ }).press('Enter');
  await page.getByRole('menuitem', { name: action, exact: true }).press('Enter');
}

/** Message ids the page's chat object holds, in order (the demo exposes it on `window`). */
function heldIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__natterDemo?.chat.messages.map((m) => m.id) ?? []);
}

beforeAll(async () => {
  room = await openDemoRoom('e2e');
  ada = await room.join('Ada Lovelace', { host: true });
  grace = await room.join('Grace Hopper');
  carol = await room.join('Carol Shaw');
}, 120_000);

afterAll(async () => {
  await room?.close();
}, 30_000);

describe('the demo meeting room', () => {
  it('lists everyone in the room, from the dev server presence', async () => {
    const tiles = ada.getByRole('list', { name: 'Participants' }).getByRole('listitem');
    await expect.poll(() => tiles.allInnerTexts(), { timeout: WAIT_MS }).toHaveLength(3);
    const names = (await tiles.allInnerTexts()).join(' | ');
    expect(names).toMatch(/Ada Lovelace\s*\(you\)/);
    expect(names).toContain('Grace Hopper');
    expect(names).toContain('Carol Shaw');
  });

  it('delivers text, image and file messages from one person to the others', async () => {
    await send(ada, 'Hello Grace, shall we start?');
    await message(grace, 'Hello Grace, shall we start?').waitFor();

    const composer = ada.locator('.natter-composer');
    await composer.locator('input[type="file"]').setInputFiles({
      name: 'diagram.png',
      mimeType: 'image/png',
      buffer: makePng(120, 80),
    });
    await ada.getByRole('textbox', { name: /message/i }).press('Enter');
    const image = grace.locator('.natter-message[data-kind="image"] img');
    await image.waitFor();
    // The image really loads in the other browser (from the dev server's file route).
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: WAIT_MS,
      })
      .toBe(120);

    await composer.locator('input[type="file"]').setInputFiles({
      name: 'agenda.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% the agenda\n'),
    });
    await ada.getByRole('textbox', { name: /message/i }).press('Enter');
    const file = grace.locator('.natter-message[data-kind="file"]', { hasText: 'agenda.pdf' });
    await file.waitFor();
    await carol.locator('.natter-message[data-kind="file"]', { hasText: 'agenda.pdf' }).waitFor();
  });

  it('Meeting time shows every time as time into the meeting, and back', async () => {
    const toggle = grace.getByRole('button', { name: 'Meeting time' });
    const first = message(grace, 'Hello Grace, shall we start?').locator('time');
    const clock = await first.getAttribute('datetime');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The meeting starts at its first message: that one reads +0:00, the later ones +m:ss.
    await expect.poll(() => first.textContent()).toContain('+0:00');
    const times = await grace
      .locator('.natter-message time .natter-time__relative')
      .allInnerTexts();
    expect(times.length).toBeGreaterThan(1);
    for (const time of times) expect(time).toMatch(/^\+\d+:\d{2}$/);
    // The full time is still there for assistive technology and as the tooltip.
    expect(await first.getAttribute('datetime')).toBe(clock);
    await toggle.click();
    await expect.poll(() => first.textContent()).not.toContain('+0:00');
  });

  it('propagates edits, deletes, pins and unpins', async () => {
    await send(grace, 'The compiler is ready');
    await message(ada, 'The compiler is ready').waitFor();

    await act(grace, 'The compiler is ready', 'Edit');
    const box = grace.getByRole('textbox', { name: /message/i });
    await box.fill('The compiler is ready for review');
    await box.press('Enter');
    const edited = message(ada, 'The compiler is ready for review');
    await edited.locator('[data-marker="edited"]').waitFor();

    const hello = 'Hello Grace, shall we start?';
    const withState = (page: Page, state: string) =>
      page.locator(`.natter-message[data-state="${state}"]`, { hasText: hello });
    await act(ada, hello, 'Pin');
    await withState(grace, 'pinned').waitFor();
    await withState(carol, 'pinned').waitFor();
    await act(ada, hello, 'Unpin');
    await withState(grace, 'unpinned').waitFor();
    await withState(carol, 'unpinned').waitFor();

    await send(grace, 'A message to delete');
    await message(ada, 'A message to delete').waitFor();
    await act(grace, 'A message to delete', 'Delete');
    await grace.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await message(ada, 'A message to delete').waitFor({ state: 'detached' });
    await message(carol, 'A message to delete').waitFor({ state: 'detached' });
  });

  it('the host turns chat off: the others see the notice and cannot send, nor by keyboard', async () => {
    const chatSwitch = ada.getByRole('switch', { name: 'Participants can chat' });
    await setSwitch(chatSwitch, false);
    for (const page of [grace, carol]) {
      await page.getByRole('status').filter({ hasText: 'The host has turned off chat' }).waitFor();
      await expect(page.getByRole('textbox', { name: /message/i }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Send' }).count()).resolves.toBe(0);
    }
    // The keyboard has nothing to send with: focus the panel and press Enter.
    await grace.locator('.natter-composer').click();
    await grace.keyboard.type('sneaky');
    await grace.keyboard.press('Enter');
    // The host still chats; had Grace's keystrokes sent anything, it would arrive before this.
    await send(ada, 'Only the host while chat is off');
    await message(carol, 'Only the host while chat is off').waitFor();
    await expect(message(carol, 'sneaky').count()).resolves.toBe(0);
    // And the server refuses a send that goes around the UI, in words.
    const refusal = await grace.evaluate(() =>
      window.__natterDemo?.chat.sendTextMessage('around the UI').then(
        () => 'sent',
        (error: Error) => error.message,
      ),
    );
    expect(refusal).toBe('[forbidden] The host has turned off chat.');

    await setSwitch(chatSwitch, true);
    await send(grace, 'Chat is back');
    await message(ada, 'Chat is back').waitFor();
  });

  it('files off hides attach for participants, not for the host', async () => {
    const filesSwitch = ada.getByRole('switch', { name: 'Participants can send files' });
    await setSwitch(filesSwitch, false);
    await grace.getByRole('button', { name: 'Attach files' }).waitFor({ state: 'detached' });
    await grace.getByRole('textbox', { name: /message/i }).waitFor();
    await expect(ada.getByRole('button', { name: 'Attach files' }).count()).resolves.toBe(1);
    await setSwitch(filesSwitch, true);
    await grace.getByRole('button', { name: 'Attach files' }).waitFor();
  });

  it('never offers a participant an action the server refuses', async () => {
    const menuOf = async (page: Page, text: string): Promise<string[]> => {
      const row = message(page, text);
      await row.hover();
      await row.getByRole('button', { name: /^Message actions/ }).press('Enter');
      await page.getByRole('menuitem').first().waitFor();
      const items = await page.getByRole('menuitem').allInnerTexts();
      await page.keyboard.press('Escape');
      return items;
    };
    await send(ada, 'From the host');
    await message(grace, 'From the host').waitFor();
    // Grace on the host's message: only what the server lets her do.
    expect(await menuOf(grace, 'From the host')).toEqual(['Copy text']);
    // Grace on her own message: everything.
    expect(await menuOf(grace, 'Chat is back')).toEqual(['Edit', 'Pin', 'Copy text', 'Delete']);
    // The host on Grace's message: pin and delete (a host may), not edit (authors only).
    expect(await menuOf(ada, 'Chat is back')).toEqual(['Pin', 'Copy text', 'Delete']);
    // A pin by the host shows in Grace's pin bar without an Unpin she would be refused.
    await act(ada, 'From the host', 'Pin');
    const bar = grace.getByRole('region', { name: /pinned message/ });
    await bar.waitFor();
    await expect(bar.getByRole('button', { name: 'Unpin' }).count()).resolves.toBe(0);
    await act(ada, 'From the host', 'Unpin');
    await bar.waitFor({ state: 'detached' });
  });

  it('mentions: Grace picks Carol after @ from the keyboard; Carol sees the message marked', async () => {
    const box = grace.getByRole('textbox', { name: /message/i });
    await box.click();
    await box.pressSequentially('Over to @car');
    const list = grace.getByRole('listbox', { name: 'People to mention' });
    await list.getByRole('option', { name: 'Carol Shaw', selected: true }).waitFor();
    await box.press('Enter');
    await expect(box.inputValue()).resolves.toBe('Over to @Carol Shaw ');
    await list.waitFor({ state: 'detached' });
    await box.pressSequentially('for the notes');
    await box.press('Enter');
    const text = 'Over to @Carol Shaw for the notes';
    // Carol: marked in words, the mention in bold.
    const forCarol = carol.locator('.natter-message[data-mentioned="self"]', { hasText: text });
    await forCarol.getByText('Mentions you').waitFor();
    await forCarol.locator('strong.natter-mention', { hasText: '@Carol Shaw' }).waitFor();
    // Ada sees the mention, not a mark: it is not about her.
    const forAda = message(ada, text);
    await forAda.locator('strong.natter-mention', { hasText: '@Carol Shaw' }).waitFor();
    await expect(forAda.getAttribute('data-mentioned')).resolves.toBeNull();
    await expect(forAda.getByText('Mentions you').count()).resolves.toBe(0);
  });

  it('keeps a private conversation to its two people, with its history after a reload', async () => {
    // Grace writes to Ada through the kit's recipient choice; the composer says who will read it.
    await grace.getByLabel('To', { exact: true }).selectOption({ label: 'Ada Lovelace' });
    const graceBox = grace.getByRole('textbox', { name: /message/i });
    await expect(graceBox.getAttribute('placeholder')).resolves.toBe(
      'Private message to Ada Lovelace',
    );
    await send(grace, 'Psst, only for Ada');
    // Ada, reading the public conversation, gets a conversation with Grace and one unread.
    const adaSwitcher = ada.getByRole('navigation', { name: 'Conversations' });
    await adaSwitcher.getByRole('button', { name: /^Grace Hopper.*1 unread$/ }).click();
    await message(ada, 'Psst, only for Ada').getByText('Private to you').waitFor();
    await adaSwitcher.getByRole('button', { name: 'Grace Hopper', exact: true }).waitFor();
    await expect(ada.getByLabel('To', { exact: true }).inputValue()).resolves.not.toBe('everyone');
    await send(ada, 'Got it, Grace');
    await message(grace, 'Got it, Grace').waitFor();
    // Back to everyone: the private messages are not in the public conversation.
    await adaSwitcher.getByRole('button', { name: 'Everyone' }).click();
    await expect(message(ada, 'Psst, only for Ada').count()).resolves.toBe(0);
    await grace.getByLabel('To', { exact: true }).selectOption({ label: 'Everyone' });
    // Carol gets what was sent after it, so had she been sent the private one, she would have it.
    await send(grace, 'Back to everyone');
    await message(carol, 'Back to everyone').waitFor();
    await expect(message(carol, 'Psst, only for Ada').count()).resolves.toBe(0);
    await expect(message(carol, 'Got it, Grace').count()).resolves.toBe(0);
    await expect(carol.getByRole('navigation', { name: 'Conversations' }).count()).resolves.toBe(0);
    const carolTexts = await carol.evaluate(
      () => window.__natterDemo?.chat.messages.map((m) => ('message' in m ? m.message : '')) ?? [],
    );
    expect(carolTexts).not.toContain('Psst, only for Ada');
    expect(carolTexts).not.toContain('Got it, Grace');

    // Ada reloads the page (she stays herself): the conversation and its history are back.
    await ada.reload();
    await connected(ada);
    const reloaded = ada.getByRole('navigation', { name: 'Conversations' });
    await reloaded.getByRole('button', { name: 'Grace Hopper', exact: true }).click();
    await message(ada, 'Psst, only for Ada').getByText('Private to you').waitFor();
    await message(ada, 'Got it, Grace').waitFor();
    await reloaded.getByRole('button', { name: 'Everyone' }).click();
  });

  it('never sends publicly in a conversation whose other person left', async () => {
    await ada.getByLabel('To', { exact: true }).selectOption({ label: 'Carol Shaw' });
    await carol.getByRole('button', { name: 'Leave' }).click();
    const composer = ada.locator('.natter-composer');
    await composer
      .getByRole('status')
      .filter({ hasText: 'Carol Shaw has left the meeting' })
      .waitFor();
    await expect(composer.getByRole('textbox').count()).resolves.toBe(0);
    // The switcher marks the conversation; back to everyone, the composer writes publicly again.
    await ada
      .getByRole('navigation', { name: 'Conversations' })
      .locator('button[data-state="left"]', { hasText: 'Carol Shaw' })
      .waitFor();
    await ada.getByLabel('To', { exact: true }).selectOption({ label: 'Everyone' });
    await composer.getByRole('textbox', { name: /message/i }).waitFor();
    await carol.getByRole('button', { name: 'Join' }).click();
    await connected(carol);
  });

  it('downloads a CSV whose rows match the conversation', async () => {
    const [download] = await Promise.all([
      ada.waitForEvent('download'),
      ada.getByRole('button', { name: 'Download chat' }).click(),
    ]);
    // Named after the meeting (the room) and the day, not `chat-<uuid>.csv`.
    expect(download.suggestedFilename()).toMatch(/^e2e-[a-z0-9]+ chat \d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { messages, errors } = await parseChatDump(readFileSync(path, 'utf8'));
    expect(errors).toEqual([]);
    const conversation = await ada.evaluate(() =>
      (window.__natterDemo?.chat.messages ?? [])
        .filter((m) => (m.targetUserIds?.length ?? 0) === 0)
        .map((m) => ({
          id: m.id,
          type: m.type,
          displayName: m.displayName,
          // The SDK shape carries placeholders (`name: ''` on a text): compare what matters.
          text: m.type === 'text' ? m.message : undefined,
          name: m.type === 'file' ? m.name : undefined,
          isEdited: m.isEdited ?? false,
        })),
    );
    expect(
      messages.map((m) => ({
        id: m.id,
        type: m.type,
        displayName: m.displayName,
        text: m.type === 'text' ? m.message : undefined,
        name: m.type === 'file' ? m.name : undefined,
        isEdited: m.isEdited ?? false,
      })),
    ).toEqual(conversation);
    expect(messages.map((m) => m.type)).toEqual([
      ...['text', 'image', 'file', 'text'],
      // Sent while the host's controls were tried: the host alone, then Grace, then the host.
      ...['text', 'text', 'text'],
      // Grace's mention of Carol, then "Back to everyone".
      ...['text', 'text'],
    ]);
    // A mention is plain text: the dump carries it as it was written.
    expect(
      messages.some((m) => m.type === 'text' && m.message === 'Over to @Carol Shaw for the notes'),
    ).toBe(true);
    expect(messages.some((m) => 'message' in m && m.message === 'Psst, only for Ada')).toBe(false);
  });

  it('keeps the history across a dev server restart; clients resync without duplicates', async () => {
    const before = await heldIds(ada);
    await room.demo.restartDevServer(async () => {
      await grace.locator('.demo-connection[data-state="reconnecting"]').waitFor();
      // Sent while the backend is down: kept and delivered once it is back.
      await grace.getByRole('textbox', { name: /message/i }).fill('Sent while the server was down');
      await grace.getByRole('textbox', { name: /message/i }).press('Enter');
    });
    await Promise.all([connected(ada), connected(grace), connected(carol)]);
    await message(ada, 'Sent while the server was down').waitFor();
    await send(carol, 'After the restart');
    await message(ada, 'After the restart').waitFor();
    await message(grace, 'After the restart').waitFor();

    for (const page of [ada, grace, carol]) {
      const ids = await heldIds(page);
      expect(new Set(ids).size).toBe(ids.length);
      await expect(message(page, 'Sent while the server was down').count()).resolves.toBe(1);
      await expect(message(page, 'After the restart').count()).resolves.toBe(1);
    }
    const after = await heldIds(ada);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 2);
    const publicIds = await ada.evaluate(
      () =>
        window.__natterDemo?.chat.messages
          .filter((m) => (m.targetUserIds?.length ?? 0) === 0)
          .map((m) => m.id) ?? [],
    );

    // A fresh page loads the history from the restarted server's database.
    await carol.getByRole('button', { name: 'Leave' }).click();
    await carol.getByRole('button', { name: 'Join' }).click();
    await connected(carol);
    await message(carol, 'Hello Grace, shall we start?').waitFor();
    await expect.poll(() => heldIds(carol), { timeout: WAIT_MS }).toEqual(publicIds);
  });

  it('a late joiner finds "Before you joined" in the list, and the filter in the header', async () => {
    await send(ada, 'Quarterly numbers are in the shared folder');
    const dan = await room.join('Dan Bricklin');
    const log = dan.getByRole('log');
    // The summary of what was said before Dan came, in the list where that history ends.
    const summary = log.getByRole('region', { name: 'Before you joined' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/\d+ messages? from .*Ada Lovelace/);
    // The filter, from the keyboard: its button, then the search field has the cursor.
    const filter = dan.getByRole('button', { name: 'Filter' });
    await filter.focus();
    await filter.press('Enter');
    const search = dan.getByRole('searchbox', { name: 'Search messages' });
    await focused(search, 'the search field');
    await search.pressSequentially('quarterly');
    await expect
      .poll(() => log.locator('article').allTextContents(), { timeout: WAIT_MS })
      .toEqual([expect.stringContaining('Quarterly numbers are in the shared folder')]);
    await search.press('Escape');
    await focused(filter, 'the Filter button');
    expect(await filter.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(() => log.locator('article').count(), { timeout: WAIT_MS })
      .toBeGreaterThan(1);
  });

  it('raised no page errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
