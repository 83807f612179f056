import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ChatEntry, MessageKind, MessageStatus } from '@natter/core';
import { Message } from '@natter/ui';
import type { MessageOrigin } from '@natter/ui';
import { natter } from '../decorators';
import {
  HOSTILE_TEXT,
  HUGE_TEXT,
  LONG_TEXT,
  PEOPLE,
  content,
  entryOf,
  expectNoUnsafeMarkup,
  imageFile,
  textFile,
} from '../fixtures';

const meta = {
  title: 'Components/Message',
  component: Message,
  args: {
    message: entryOf(content.text(), { minutesBefore: 3 }),
    origin: 'remote',
    groupStart: true,
    onRetry: fn(),
    onDiscard: fn(),
  },
  argTypes: {
    origin: { control: 'inline-radio', options: ['remote', 'local'] },
    message: { control: 'object' },
    actions: { control: false },
  },
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `One chat message: sender and avatar initials on the first of a group, time, the content by kind (text, image, file, custom), edited / pinned / private markers and the send status with Retry. State is exposed as \`data-origin\`, \`data-status\`, \`data-kind\`, \`data-state\`, \`data-edited\`, \`data-highlighted\` for styling. \`MessageList\` renders it for you; use it directly in a list of your own.

\`\`\`tsx
const entry = useMessage({ id });
<Message
  message={entry}
  origin={entry.userId === selfUserId ? 'local' : 'remote'}
  onRetry={(id) => store.retry(id)}
  actions={<MessageActions message={entry} canPin />}
/>
\`\`\``,
      },
    },
  },
  decorators: [
    (Story) => (
      <div className="story-message-frame">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Message>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Edited: Story = {
  args: { message: entryOf(content.text('Moved to Thursday, 10:00.'), { edited: true }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('edited')).toBeVisible();
    await expect(canvasElement.querySelector('article')).toHaveAttribute('data-edited');
  },
};

export const Pinned: Story = {
  args: { message: entryOf(content.text('Agenda: https://example.com/agenda'), { pinned: true }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('article')).toHaveAttribute('data-state', 'pinned');
    await expect(within(canvasElement).getByText('pinned')).toBeVisible();
  },
};

/** A failed own send: the reason and a Retry button calling `onRetry(id)`. */
export const Failed: Story = {
  args: {
    origin: 'local',
    message: entryOf(content.text('Can everyone hear me?'), {
      ...PEOPLE.self,
      status: 'failed',
    }),
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/^Not sent: /)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledWith(args.message.id);
  },
};

/** An image opens its own lightbox (without `onOpenImage`): Enter opens, Esc closes, focus returns. */
export const WithImages: Story = {
  args: { message: entryOf(content.image('Slide 7', 150)) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Image from Ada Lovelace' });
    await waitFor(() =>
      expect(canvasElement.querySelector('.natter-image')).toHaveAttribute('data-state', 'loaded'),
    );
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

export const WithFiles: Story = {
  args: { message: entryOf(content.file('quarterly-report.final.pdf', 482_113)) },
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', {
      name: 'Download quarterly-report.final.pdf',
    });
    await expect(link).toHaveAttribute('href', expect.stringMatching(/^https:/));
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

export const LongText: Story = {
  args: { message: entryOf(content.text(LONG_TEXT), PEOPLE.grace) },
  play: async ({ canvasElement }) => {
    const article = canvasElement.querySelector('article') as HTMLElement;
    await expect(article.scrollWidth).toBeLessThanOrEqual(article.clientWidth + 1);
    await expect(within(canvasElement).getByRole('link')).toHaveAttribute(
      'href',
      'https://example.com/dashboards/latency?range=7d&compare=previous-week',
    );
  },
};

/** Script tags, `onerror`, `javascript:`/`data:` links, bidi overrides and 100 kB of text: all inert. */
export const HostileInput: Story = {
  args: {
    message: entryOf(content.text(`${HOSTILE_TEXT}\n${HUGE_TEXT}`), {
      userId: 'u-mallory',
      displayName: '<img src=x onerror=alert(1)>\u202EyrollaM',
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/<script>alert\("xss"\)<\/script>/)).toBeVisible();
    // The right-to-left override is removed: the name cannot pass for "Mallory".
    await expect(canvas.getByText('<img src=x onerror=alert(1)>yrollaM')).toBeVisible();
    const hrefs = canvas.getAllByRole('link').map((a) => a.getAttribute('href'));
    await expect(hrefs).toEqual(['https://example.com/', 'http://evil/']);
    await expectNoUnsafeMarkup(canvasElement);
  },
};

export const RTL: Story = {
  globals: { dir: 'rtl' },
  args: {
    message: entryOf(content.text('مرحبا بالجميع! الرابط: https://example.com/agenda'), {
      ...PEOPLE.amal,
      edited: true,
      pinned: true,
    }),
  },
};

export const Playground: Story = {
  args: { highlight: 'deck', highlighted: false },
};

const KINDS: MessageKind[] = ['text', 'image', 'file', 'custom'];
const STATUSES: MessageStatus[] = ['sending', 'sent', 'failed'];
const ORIGINS: MessageOrigin[] = ['local', 'remote'];
const FLAGS = [
  { pinned: false, edited: false, label: 'plain' },
  { pinned: true, edited: false, label: 'pinned' },
  { pinned: false, edited: true, label: 'edited' },
  { pinned: true, edited: true, label: 'pinned, edited' },
];

function matrixEntry(
  kind: MessageKind,
  status: MessageStatus,
  origin: MessageOrigin,
  flags: { pinned: boolean; edited: boolean },
  i: number,
): ChatEntry {
  const who = origin === 'local' ? PEOPLE.self : i % 2 ? PEOPLE.grace : PEOPLE.ada;
  const options = { ...who, ...flags, status, minutesBefore: 90 - i };
  const pending = status === 'sent' ? {} : undefined;
  switch (kind) {
    case 'text':
      return entryOf(content.text(`A ${status} text message.`), options);
    case 'image': {
      const entry = entryOf(content.image(`Image ${i}`, (i * 37) % 360), options);
      return pending ? entry : { ...entry, pending: { file: imageFile(`photo-${i}.png`) } };
    }
    case 'file': {
      const entry = entryOf(content.file(`notes-${i}.txt`, 3_204), options);
      return pending ? entry : { ...entry, pending: { file: textFile(`notes-${i}.txt`) } };
    }
    case 'custom':
      return entryOf(content.custom(), options);
  }
}

/** Every kind × status × origin × pinned/edited, for visual checks in both themes and directions. */
export const AllStates: Story = {
  render: (args) => {
    let i = 0;
    return (
      <div className="story-matrix">
        {KINDS.flatMap((kind) =>
          STATUSES.flatMap((status) =>
            ORIGINS.flatMap((origin) =>
              FLAGS.map((flags) => {
                i += 1;
                const label = `${kind} · ${status} · ${origin} · ${flags.label}`;
                return (
                  <div className="story-matrix__cell" key={label}>
                    <p className="story-matrix__label">{label}</p>
                    <Message
                      message={matrixEntry(kind, status, origin, flags, i)}
                      origin={origin}
                      onRetry={args.onRetry}
                      onDiscard={args.onDiscard}
                      highlighted={i === 10}
                    />
                  </div>
                );
              }),
            ),
          ),
        )}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('article')).toHaveLength(96);
    await expectNoUnsafeMarkup(canvasElement);
  },
};
