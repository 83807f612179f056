import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Message } from '@natter/core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { MessageActions, MessageList } from '@natter/ui';
import { natter } from '../decorators';
import { LONG_TEXT, PEOPLE, content, sampleHistory } from '../fixtures';

const meta = {
  title: 'Components/MessageList',
  component: MessageList,
  argTypes: {
    chat: { control: false },
    store: { control: false },
    ids: { control: false },
    renderActions: { control: false },
  },
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `The chat's messages, virtualized (the DOM stays small at any history length) with variable row heights: a \`role="log"\` whose new messages are announced politely and followed only when the reader is at the bottom (else counted on a "N new messages" button), older history loaded near the top, date separators, sender grouping, roving focus (arrow keys, Home, End) and a lightbox over every image.

\`\`\`tsx
<ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
  <MessageList renderActions={(entry) => <MessageActions message={entry} canPin />} />
</ChatProvider>
\`\`\``,
      },
    },
  },
  decorators: [
    (Story) => (
      <div className="story-parts">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MessageList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Roving focus: Tab into the log, arrows move between messages, Home/End jump. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log', { name: 'Chat messages' });
    await waitFor(() => expect(log.querySelectorAll('article').length).toBe(11));
    const focusedIndex = () =>
      document.activeElement?.closest('[data-index]')?.getAttribute('data-index');
    log.focus();
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(focusedIndex()).toBe('10'));
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(focusedIndex()).toBe('9'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(focusedIndex()).toBe('0'));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(focusedIndex()).toBe('10'));
    // Only the focused message is in the tab order.
    await expect(log.querySelectorAll('article[tabindex="0"]')).toHaveLength(1);
  },
};

export const Empty: Story = {
  parameters: { natter: natter({ history: 0 }) },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No messages yet. Say hello!'),
    ).toBeVisible();
  },
};

/** A click on any image opens a lightbox over every image of the chat. */
export const WithImages: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Image from Ada Lovelace' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await expect(dialog).toHaveTextContent('Image 1 of 2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next image' }));
    await waitFor(() => expect(dialog).toHaveTextContent('Image 2 of 2'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};

export const WithFiles: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('link', { name: 'Download meeting-notes.txt' }),
    ).toBeVisible();
  },
};

/** Message actions per row (`renderActions`), here with pinning allowed. */
export const Pinned: Story = {
  args: { renderActions: (entry) => <MessageActions message={entry} canPin /> },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log');
    await waitFor(() =>
      expect(log.querySelectorAll('article[data-state="pinned"]')).toHaveLength(1),
    );
  },
};

export const LongText: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory()
        .slice(0, 3)
        .concat({
          id: 'long',
          ...PEOPLE.grace,
          time: new Date('2026-11-20T15:25:00Z'),
          timeMs: Date.parse('2026-11-20T15:25:00Z'),
          type: 'text',
          message: LONG_TEXT,
        }),
    }),
  },
};

export const RTL: Story = { globals: { dir: 'rtl' } };

/** `highlight` marks a search term; own messages are those of the provider's `selfUserId`. */
export const Playground: Story = {
  args: { highlight: 'slide' },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log');
    await waitFor(() => expect(log.querySelectorAll('mark').length).toBeGreaterThan(0));
  },
};

/**
 * A `MessageList` with no `data-natter-theme` anywhere above it: the light theme's type and
 * colours by default, not Times on a transparent background. `theme="dark"` themes it alone.
 */
export const NoWrapper: Story = {
  parameters: { natter: natter({ history: sampleHistory(), unthemed: true }) },
  render: (args) => (
    <div className="story-parts">
      <MessageList {...args} />
      <MessageList {...args} theme="dark" aria-label="Dark chat messages" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const logs = await within(canvasElement).findAllByRole('log');
    await waitFor(() => expect(logs[0]?.querySelectorAll('article').length).toBeGreaterThan(0));
    const [light, dark] = logs.map((log) => log.closest('.natter-list') as HTMLElement);
    if (!light || !dark) throw new Error('no lists');
    await expect(light.closest('[data-natter-theme]')).toBeNull();
    const style = getComputedStyle(light);
    await expect(style.fontFamily).toContain('system-ui');
    await expect(style.backgroundColor).toBe('rgb(255, 255, 255)');
    await expect(getComputedStyle(dark).backgroundColor).toBe('rgb(21, 23, 27)');
    const message = light.querySelector('article');
    if (!message) throw new Error('no message');
    await expect(getComputedStyle(message).color).toBe('rgb(27, 29, 33)');
  },
};

const FIRST_TEXT = 'The first message of the meeting';
const LAST_TEXT = 'The newest message of the meeting';

/** `count` messages of uneven height (one to several lines, a picture every ninth row). */
function longHistory(count: number): Message[] {
  const people = Object.values(PEOPLE);
  const start = Date.parse('2026-11-20T09:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const time = start + i * 5_000;
    const words = 'we agreed to ship the replay export behind a flag first '.repeat(
      1 + ((i * 7) % 9),
    );
    const body =
      i % 9 === 4
        ? content.image(`Slide ${i % 5}`, (i * 37) % 360)
        : content.text(i === 0 ? FIRST_TEXT : i === count - 1 ? LAST_TEXT : words);
    return {
      id: `long-${i}`,
      ...(people[i % people.length] ?? PEOPLE.ada),
      time: new Date(time),
      timeMs: time,
      ...body,
    } as Message;
  });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * 3,000 messages of uneven height: a jump to the top lands on the first message, and stays there
 * while the rows above the old estimate are measured, three times out of three.
 */
export const LongHistory: Story = {
  // The whole history at join, as the bench's chats hold it (no older pages to load at the top).
  parameters: { natter: natter({ history: longHistory(3000), chat: { joinHistoryLimit: 3000 } }) },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log', { name: 'Chat messages' });
    await within(log).findByText(LAST_TEXT);
    const firstAtTop = () => {
      expect(log.scrollTop).toBe(0);
      const first = within(log).getByText(FIRST_TEXT).closest('article');
      if (!first) throw new Error('first message not rendered');
      const top = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(120);
    };
    for (let round = 0; round < 3; round++) {
      log.scrollTop = log.scrollHeight;
      await within(log).findByText(LAST_TEXT);
      log.scrollTop = 0;
      await waitFor(firstAtTop);
      // Rows measured after the jump must not push the first message away.
      for (let frame = 0; frame < 10; frame++) await nextFrame();
      firstAtTop();
    }
  },
};
