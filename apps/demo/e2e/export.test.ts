/**
 * Export you can choose, end to end: the demo (its Replay API endpoint and the dev server) in
 * Debian's Chromium. Three people chat (public, private, pinned, an image, a file); each export
 * choice is made from the "Export options" menu, and the file Chromium downloads is read back.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatDump } from '@natter/core';
import { makePng } from './makePng';
import { WAIT_MS, message, openDemoRoom, send } from './room';
import type { DemoRoom } from './room';

// Not inside a run of letters and digits: the export's ids are random UUIDs, and hex like
// `b4adad` holds "ada". (`_` and punctuation still count as edges: `Ada_Lovelace` is caught.)
const NAMES = /(?<![a-z0-9])(?:ada|lovelace|grace|hopper|carol|shaw)(?![a-z0-9])/i;

let room: DemoRoom;
let ada: Page;
let grace: Page;
let carol: Page;

/** Opens the export menu, makes the picks, starts `item`, and returns the downloaded file. */
async function exportFrom(page: Page, picks: string[], item = 'Download') {
  await page.getByRole('button', { name: 'Export options' }).click();
  const menu = page.getByRole('menu');
  for (const pick of picks) {
    await menu
      .getByRole(pick.startsWith('Excel') ? 'menuitemcheckbox' : 'menuitemradio', {
        name: pick,
        exact: true,
      })
      .click();
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

beforeAll(async () => {
  // The Blob path (Firefox, Safari): Chromium's save dialog cannot be answered headless.
  room = await openDemoRoom('export', (context) =>
    context.addInitScript(() => {
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    }),
  );
  ada = await room.join('Ada Lovelace', { host: true });
  grace = await room.join('Grace Hopper');
  carol = await room.join('Carol Shaw');

  await send(ada, 'Hello Grace and Carol, agenda below');
  await ada
    .locator('.natter-composer input[type="file"]')
    .setInputFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: makePng(40, 30) });
  await ada.getByRole('textbox', { name: /message/i }).press('Enter');
  await ada.locator('.natter-composer input[type="file"]').setInputFiles({
    name: 'agenda.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% agenda\n'),
  });
  await ada.getByRole('textbox', { name: /message/i }).press('Enter');
  await message(carol, 'agenda.pdf').waitFor();
  await grace.getByLabel('To', { exact: true }).selectOption({ label: 'Ada Lovelace' });
  await send(grace, 'Psst, only for Ada');
  await grace.getByLabel('To', { exact: true }).selectOption({ label: 'Everyone' });
  await send(carol, '=1+1 is two, says Carol');
  // Ada pins her greeting from its actions menu.
  const row = message(ada, 'Hello Grace and Carol');
  await row.hover();
  await row.getByRole('button', { name: /^Message actions/ }).press('Enter');
  await ada.getByRole('menuitem', { name: 'Pin', exact: true }).press('Enter');
  await message(carol, 'Hello Grace and Carol')
    .and(carol.locator('[data-state="pinned"]'))
    .waitFor();
  await message(ada, 'says Carol').waitFor();
}, 180_000);

afterAll(async () => {
  await room?.close();
}, 30_000);

describe('export you can choose', () => {
  it('"What I can see": private messages only in their own participants\' exports, marked with the recipient', async () => {
    const texts = async (page: Page) => {
      const file = await exportFrom(page, ['What I can see', 'Spreadsheet (.csv)']);
      expect(file.name).toMatch(/^export-[a-z0-9]+ chat \d{4}-\d{2}-\d{2}\.csv$/);
      const { messages, errors } = await parseChatDump(file.text);
      expect(errors).toEqual([]);
      return { file, texts: messages.map((m) => (m.type === 'text' ? m.message : m.type)) };
    };
    const forAda = await texts(ada);
    expect(forAda.texts).toEqual([
      'Hello Grace and Carol, agenda below',
      'image',
      'file',
      'Psst, only for Ada',
      '=1+1 is two, says Carol',
    ]);
    const lines = forAda.file.text.split('\r\n');
    expect(lines[0]?.endsWith(',createdAt,privateTo')).toBe(true);
    expect(lines.find((l) => l.includes('Psst'))?.endsWith(',Ada Lovelace')).toBe(true);
    expect((await texts(grace)).texts).toContain('Psst, only for Ada');
    expect((await texts(carol)).texts).toEqual([
      'Hello Grace and Carol, agenda below',
      'image',
      'file',
      '=1+1 is two, says Carol',
    ]);
    // The formula stays text for a spreadsheet.
    expect(forAda.file.text).toContain("'=1+1");
  });

  it('anonymised Markdown names nobody: not in rows, text, links or the file name', async () => {
    const file = await exportFrom(ada, [
      'What I can see',
      'Markdown transcript (.md)',
      'Participant 1, 2, …',
    ]);
    expect(file.name).toMatch(/\.md$/);
    expect(file.name).not.toMatch(NAMES);
    expect(file.text).not.toMatch(NAMES);
    expect(file.text).toContain('**Participant 1** · 📌 **pinned**');
    expect(file.text).toContain('Hello Participant 2 and Participant 3, agenda below');
    expect(file.text).toContain('_private to Participant 1_');
    expect(file.text).toMatch(/File: \[agenda\\?\.pdf\]\(<http:\/\/[^>]+\/v1\/files\/[^>]+>\)/);
    // The CSV the same way: every name and id replaced, and it still reads back.
    const csv = await exportFrom(ada, ['Spreadsheet (.csv)']);
    expect(csv.text).not.toMatch(NAMES);
    const { messages } = await parseChatDump(csv.text);
    expect(new Set(messages.map((m) => m.displayName))).toEqual(
      new Set(['Participant 1', 'Participant 2', 'Participant 3']),
    );
  });

  it('"Everything" from the Replay API as a text transcript with times from the start; "Pinned only"; Excel BOM', async () => {
    const file = await exportFrom(ada, [
      'Everything (chat record)',
      'Text transcript (.txt)',
      'Keep names',
      'From the start (+12:30)',
    ]);
    expect(file.name).toMatch(/\.txt$/);
    const lines = file.text.split('\r\n');
    expect(lines[3]).toBe('[+0:00] Ada Lovelace [pinned]: Hello Grace and Carol, agenda below');
    expect(lines.some((l) => /^\s+File: agenda\.pdf <http:\/\/.+\/v1\/files\/.+>$/.test(l))).toBe(
      true,
    );
    expect(file.text).toMatch(/\[\+\d+:\d\d\] Carol Shaw: =1\+1 is two, says Carol/);
    // The Replay API's record is public messages only.
    expect(file.text).not.toContain('Psst');

    const pinned = await exportFrom(ada, [
      'Pinned only',
      'Spreadsheet (.csv)',
      'Excel-friendly (UTF-8 BOM)',
    ]);
    expect([...pinned.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { messages } = await parseChatDump(pinned.text);
    expect(messages.map((m) => (m.type === 'text' ? m.message : m.type))).toEqual([
      'Hello Grace and Carol, agenda below',
    ]);
  });

  it('zips every shared file with an index; the zip unzips to them', async () => {
    const zip = await exportFrom(ada, [], 'All files (.zip)');
    expect(zip.name).toMatch(/^export-[a-z0-9]+ files \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files);
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/\.png$/);
    expect(names.slice(1)).toEqual(['agenda.pdf', 'index.csv']);
    expect(strFromU8(files['agenda.pdf'] as Uint8Array)).toBe('%PDF-1.4\n% agenda\n');
    expect([...(files[names[0] as string] as Uint8Array).subarray(1, 4)]).toEqual([
      0x50, 0x4e, 0x47,
    ]);
    const index = strFromU8(files['index.csv'] as Uint8Array);
    expect(index).toMatch(/agenda\.pdf,Ada Lovelace,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,agenda\.pdf,/);
  });

  it('cancelling a zip leaves nothing behind: no download, and a streamed file is removed', async () => {
    const downloads: string[] = [];
    ada.on('download', (d) => downloads.push(d.suggestedFilename()));
    // The browser streams into a file it was given (the origin's private file system stands in for
    // the file the save dialog would pick); one file's bytes are held back until cancelled.
    await ada.evaluate(() => {
      Object.defineProperty(window, 'showSaveFilePicker', {
        configurable: true,
        value: async ({ suggestedName }: { suggestedName: string }) =>
          (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true }),
      });
    });
    let held = false;
    await ada.route('**/v1/files/**', async (route) => {
      if (held) return route.continue();
      held = true; // the first file (the image): never answered
    });
    await ada.getByRole('button', { name: 'Export options' }).click();
    await ada.getByRole('menu').getByRole('menuitem', { name: 'All files (.zip)' }).click();
    // The zip is being written into the file: the first file's bytes are awaited.
    await expect.poll(() => held, { timeout: WAIT_MS }).toBe(true);
    await ada.getByRole('button', { name: 'Cancel download' }).click();
    await ada.getByRole('button', { name: 'Download chat' }).waitFor();
    const left = await ada.evaluate(async () => {
      const names: string[] = [];
      const root = (await navigator.storage.getDirectory()) as unknown as AsyncIterable<
        [string, unknown]
      > &
        FileSystemDirectoryHandle;
      for await (const [name] of root) names.push(name);
      return names;
    });
    expect(held).toBe(true);
    expect(left).toEqual([]);
    expect(downloads).toEqual([]);
    await ada.unroute('**/v1/files/**');
  });

  it('raised no page errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
