import type { Meta, StoryObj } from '@storybook/react-vite';
import { strFromU8, unzipSync } from 'fflate';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { parseChatDump } from '@natter/core';
import type { ChatExportPolicy } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { DownloadChatButton } from '@natter/ui';
import { natter } from '../decorators';
import { captureDownloads, sampleHistory } from '../fixtures';
import { replayHandlers } from '../replayApi';

const HISTORY = sampleHistory();
const NAMES = /Ada|Lovelace|Grace|Hopper|أمل|נועה/;

/** Grace writes to you privately: only your "What I can see" export holds it. */
const privateNote = (chat: LocalChat) => {
  chat.simulate.receive({
    userId: 'u-grace',
    displayName: 'Grace Hopper',
    text: 'Psst, the numbers are final',
    private: true,
  });
};

const meta = {
  title: 'Components/DownloadChatButton/Options',
  component: DownloadChatButton,
  args: { meetingName: 'Weekly sync' },
  parameters: {
    natter: natter({ history: HISTORY, setup: privateNote }),
    docs: {
      description: {
        component: `"Export options" beside the download button: which messages (everything the Replay API has, what this person can see, pinned only), the format (the Replay API's CSV, a .txt or .md transcript), names kept or replaced by "Participant 1, 2, …", clock times or times from the start, an Excel-friendly BOM, and every shared file in one zip. The app limits the choices with \`ChatProvider\`'s \`exportPolicy\` (or turns export off with \`false\`).

\`\`\`tsx
<ChatProvider chat={meeting.chat} exportPolicy={{ names: ['anonymised'], files: false }}>
  <DownloadChatButton />
</ChatProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof DownloadChatButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the menu, makes the picks, starts `item` and returns the saved file's name and text. */
async function exportWith(canvasElement: HTMLElement, picks: string[], item = 'Download') {
  const capture = captureDownloads();
  try {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Export options' }));
    const menu = await canvas.findByRole('menu');
    for (const pick of picks) {
      await userEvent.click(
        within(menu).getByRole(pick.startsWith('Excel') ? 'menuitemcheckbox' : 'menuitemradio', {
          name: pick,
        }),
      );
    }
    await userEvent.click(within(menu).getByRole('menuitem', { name: item }));
    await waitFor(() => expect(capture.saved).toHaveLength(1), { timeout: 10_000 });
    const saved = capture.saved[0]!;
    return { name: saved.name, blob: saved.blob, text: await saved.blob.text() };
  } finally {
    capture.restore();
  }
}

/** The menu open: every choice, keyboard-operable (arrows, Escape returns focus). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const more = canvas.getByRole('button', { name: 'Export options' });
    more.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await canvas.findByRole('menu');
    await waitFor(() => expect(within(menu).getAllByRole('menuitemradio')[0]).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await expect(more).toHaveFocus();
    // Left open for the eye (and for axe).
    await userEvent.click(more);
    await canvas.findByRole('menu');
  },
};

/** "What I can see": the public messages and your private conversations, marked with recipients. */
export const WhatICanSee: Story = {
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, ['What I can see', 'Spreadsheet (.csv)']);
    await expect(file.name).toMatch(/^Weekly sync chat \d{4}-\d{2}-\d{2}\.csv$/);
    await expect(file.text.split('\r\n')[0]).toMatch(/,createdAt,privateTo$/);
    const { messages } = await parseChatDump(file.blob);
    await expect(messages).toHaveLength(HISTORY.length + 1);
    await expect(file.text).toMatch(/"Psst, the numbers are final",[^\r\n]*,You\r\n/);
  },
};

/** "Everything" through the Replay API, as a readable text transcript. */
export const Everything: Story = {
  parameters: { natter: natter({ history: HISTORY, replay: true }) },
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => HISTORY, 'ok'));
  },
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, [
      'Everything (chat record)',
      'Text transcript (.txt)',
    ]);
    await expect(file.name).toMatch(/\.txt$/);
    await expect(file.text).toContain(
      'Ada Lovelace: Good morning! Sharing the slides in a second.',
    );
    await expect(file.text).toMatch(
      / {4}File: quarterly-report\.final\.pdf <https:\/\/files\.natter\.example\//,
    );
  },
};

/** Only the pinned messages. */
export const Pinned: Story = {
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, ['Pinned only', 'Text transcript (.txt)']);
    await expect(file.text).toContain(
      'Grace Hopper [pinned]: Thanks. Can you go back to the latency graph?',
    );
    await expect(file.text).not.toContain('Good morning');
  },
};

/** Markdown with names replaced: "Participant 1, 2, …" everywhere, nobody's name anywhere. */
export const Anonymised: Story = {
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, [
      'Markdown transcript (.md)',
      'Participant 1, 2, …',
    ]);
    await expect(file.name).toMatch(/\.md$/);
    await expect(file.text).not.toMatch(NAMES);
    await expect(file.text).toContain('**Participant 1**');
  },
};

/** Times counted from the meeting's start: `+0:00`, `+2:00`, … */
export const RelativeTimes: Story = {
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, [
      'Text transcript (.txt)',
      'From the start (+12:30)',
    ]);
    await expect(file.text.split('\r\n')[3]).toMatch(/^\[\+0:00\] Ada Lovelace: Good morning!/);
  },
};

/** Excel-friendly: a UTF-8 byte-order mark, so Arabic, Hebrew and emoji open readable. */
export const ExcelFriendly: Story = {
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, [
      'Spreadsheet (.csv)',
      'Excel-friendly (UTF-8 BOM)',
    ]);
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    await expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expect(file.text).toContain('مرحبا بالجميع');
  },
};

/** Every shared image and file in one zip, with an index. */
export const AllFiles: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get('https://files.natter.example/:name', ({ params }) =>
        HttpResponse.text(`bytes of ${String(params.name)}`),
      ),
    );
    // The Blob path: Chromium's save dialog cannot be answered here.
    const own = Object.getOwnPropertyDescriptor(window, 'showSaveFilePicker');
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    return () => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      if (own) Object.defineProperty(window, 'showSaveFilePicker', own);
    };
  },
  play: async ({ canvasElement }) => {
    const file = await exportWith(canvasElement, [], 'All files (.zip)');
    await expect(file.name).toMatch(/^Weekly sync files \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await file.blob.arrayBuffer()));
    const names = Object.keys(files);
    await expect(names).toContain('quarterly-report.final.pdf');
    await expect(names).toContain('meeting-notes.txt');
    await expect(names.at(-1)).toBe('index.csv');
    await expect(strFromU8(files['meeting-notes.txt']!)).toBe('bytes of meeting-notes.txt');
  },
};

const RESTRICTED: ChatExportPolicy = {
  formats: ['txt', 'md'],
  names: ['anonymised'],
  files: false,
  excel: false,
};

/** The app's policy: transcripts only, always anonymised, no zip. The menu offers just that. */
export const Restricted: Story = {
  parameters: { natter: natter({ history: HISTORY, exportPolicy: RESTRICTED }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Export options' }));
    const menu = await canvas.findByRole('menu');
    await expect(within(menu).queryByRole('group', { name: 'Names' })).toBeNull();
    await expect(within(menu).queryByRole('menuitem', { name: 'All files (.zip)' })).toBeNull();
    await expect(
      within(menu)
        .getAllByRole('menuitemradio')
        .map((i) => i.textContent?.replace(/^[✓\s]+/, '')),
    ).toEqual([
      'What I can see',
      'Pinned only',
      'Text transcript (.txt)',
      'Markdown transcript (.md)',
      'Clock time',
      'From the start (+12:30)',
    ]);
  },
};

/** Export turned off by the app (`exportPolicy={false}`): no button at all. */
export const ExportOff: Story = {
  parameters: { natter: natter({ history: HISTORY, exportPolicy: false }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button', { name: 'Download chat' })).toBeNull();
    await expect(
      within(canvasElement).queryByRole('button', { name: 'Export options' }),
    ).toBeNull();
  },
};
