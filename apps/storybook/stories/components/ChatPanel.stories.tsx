import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatPanel } from '@natter/ui';
import { natter, withPanelFrame } from '../decorators';
import {
  HOSTILE_TEXT,
  LONG_TEXT,
  PEOPLE,
  expectNoUnsafeMarkup,
  hostileHistory,
  sampleHistory,
  textFile,
} from '../fixtures';

/** The message article whose text contains `text`, in the chat log. */
function messageWith(canvasElement: HTMLElement, text: string | RegExp): HTMLElement {
  const log = within(canvasElement).getByRole('log');
  const article = within(log).getByText(text).closest('article');
  if (!article) throw new Error(`No message with ${String(text)}`);
  return article;
}

const meta = {
  title: 'Components/ChatPanel',
  component: ChatPanel,
  args: { canPin: true },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark', 'system'] },
    locale: { control: 'text' },
    chat: { control: false },
    strings: { control: 'object' },
    header: { control: false },
    pinBar: { control: false },
    list: { control: false },
    composer: { control: false },
  },
  parameters: {
    natter: natter({ history: 30 }),
    docs: {
      description: {
        component: `The ready meeting chat: header (title and download), pin bar, virtualized message list and composer. The whole panel is a drop target for files, and every part can be replaced through a slot (\`header\`, \`pinBar\`, \`list\`, \`composer\`: \`null\` removes it, a function wraps the default).

\`\`\`tsx
import '@natter/ui/styles.css';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';

<ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}
  replay={{ endpoint: '/api/chat-replay', sessionId }}>
  <ChatPanel theme="dark" canPin={isHost} />
</ChatProvider>
\`\`\``,
      },
    },
  },
  decorators: [withPanelFrame],
} satisfies Meta<typeof ChatPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Send a message: it shows as sending, then as sent once the (simulated) server echoes it. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Hello from Storybook{Enter}');
    await waitFor(() =>
      expect(messageWith(canvasElement, 'Hello from Storybook')).toHaveAttribute(
        'data-status',
        'sent',
      ),
    );
    await expect(input).toHaveValue('');
    await expect(messageWith(canvasElement, 'Hello from Storybook')).toHaveAttribute(
      'data-origin',
      'local',
    );
  },
};

export const Empty: Story = {
  parameters: { natter: natter({ history: 0 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No messages yet. Say hello!')).toBeVisible();
    await expect(canvas.queryByRole('region', { name: /pinned/ })).toBeNull();
  },
};

/** Open an image with Enter, page with the arrow keys, close with Esc: focus returns to it. */
export const WithImages: Story = {
  parameters: { natter: natter({ history: sampleHistory() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = await canvas.findByRole('button', { name: 'Image from Grace Hopper' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await expect(dialog).toHaveTextContent('Image 2 of 2');
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 1 of 2'));
    await expect(within(dialog).getByRole('img')).toHaveAccessibleName('Image from Ada Lovelace');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 2 of 2'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

/** Attach a file with the file picker and send it; files in the history have download links. */
export const WithFiles: Story = {
  parameters: { natter: natter({ history: sampleHistory() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const link = await canvas.findByRole('link', { name: 'Download quarterly-report.final.pdf' });
    await expect(link).toHaveAttribute('download', 'quarterly-report.final.pdf');
    await userEvent.upload(canvas.getByLabelText('Attach files', { selector: 'input' }), [
      textFile('agenda.txt', 1200),
    ]);
    const attachments = await canvas.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(attachments).toHaveTextContent('agenda.txt'));
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(
        within(canvas.getByRole('log')).getByRole('link', { name: 'Download agenda.txt' }),
      ).toBeVisible(),
    );
    await expect(canvas.queryByRole('list', { name: 'Attachments' })).toBeNull();
  },
};

/** Jump from the pin bar: the message scrolls into view and is highlighted. */
export const Pinned: Story = {
  parameters: {
    natter: natter({
      history: 30,
      setup: (chat) => {
        const ids = chat.messages.map((m) => m.id);
        chat.simulate.pin(ids[3] ?? '');
        chat.simulate.pin(ids[20] ?? '');
        chat.simulate.flush();
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole('region', { name: /pinned messages/ });
    const excerpt = within(bar).getByRole('button', { name: /^Go to pinned message/ });
    const before = excerpt.textContent;
    await userEvent.click(within(bar).getByRole('button', { name: 'Next pinned message' }));
    await waitFor(() => expect(excerpt.textContent).not.toBe(before));
    const text = bar.querySelector('.natter-pinbar__text')?.textContent ?? '';
    await userEvent.click(excerpt);
    const highlighted = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('article[data-highlighted]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await expect(highlighted).toHaveAttribute('data-state', 'pinned');
    await expect(highlighted).toHaveTextContent(text);
    await expect(highlighted).toHaveFocus();
  },
};

/** Edit your message: actions menu → Edit → the composer in edit mode → Save. */
export const Edited: Story = {
  parameters: { natter: natter({ history: sampleHistory() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Teh typo{Enter}');
    await waitFor(() =>
      expect(messageWith(canvasElement, 'Teh typo')).toHaveAttribute('data-status', 'sent'),
    );
    await userEvent.click(
      within(messageWith(canvasElement, 'Teh typo')).getByRole('button', {
        name: /^Message actions/,
      }),
    );
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Edit' }));
    const form = input.closest('form');
    await waitFor(() => expect(form).toHaveAttribute('data-mode', 'edit'));
    await expect(canvas.getByText('Editing message')).toBeVisible();
    await expect(input).toHaveValue('Teh typo');
    await expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.type(input, 'The typo, fixed');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(messageWith(canvasElement, 'The typo, fixed')).toHaveAttribute('data-edited'),
    );
    await expect(form).toHaveAttribute('data-mode', 'compose');
    await expect(within(canvas.getByRole('log')).queryByText('Teh typo')).toBeNull();
  },
};

/** A send the server rejects: the message stays, marked "Not sent", with Retry. */
export const Failed: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory(),
      setup: (chat) => chat.simulate.failNext('reject', new Error('socket closed')),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Message' }), 'Lost{Enter}');
    await waitFor(() =>
      expect(messageWith(canvasElement, 'Lost')).toHaveAttribute('data-status', 'failed'),
    );
    const failed = messageWith(canvasElement, 'Lost');
    await expect(failed).toHaveTextContent(/Not sent: .*connection/);
    await userEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(messageWith(canvasElement, 'Lost')).toHaveAttribute('data-status', 'sent'),
    );
  },
};

/** Past the chat's rate limit (2 messages a minute here) the composer says so. */
export const RateLimited: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory(),
      chat: { rateLimits: { maxInvocations: 2, period: 60 } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    for (const text of ['one', 'two']) {
      await userEvent.type(input, `${text}{Enter}`);
      await waitFor(() =>
        expect(messageWith(canvasElement, text)).toHaveAttribute('data-status', 'sent'),
      );
    }
    await userEvent.type(input, 'three{Enter}');
    const form = input.closest('form') as HTMLElement;
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent(/too fast/i));
    await expect(input).toHaveValue('three');
  },
};

export const LongText: Story = {
  parameters: {
    natter: natter({
      history: [
        ...sampleHistory().slice(0, 4),
        {
          id: 'long-1',
          ...PEOPLE.grace,
          time: new Date('2026-11-20T15:20:00Z'),
          timeMs: Date.parse('2026-11-20T15:20:00Z'),
          type: 'text',
          message: LONG_TEXT,
          pinned: true,
        },
        {
          id: 'long-2',
          ...PEOPLE.ada,
          time: new Date('2026-11-20T15:21:00Z'),
          timeMs: Date.parse('2026-11-20T15:21:00Z'),
          type: 'file',
          link: 'https://files.natter.example/a-very-long-file-name-that-keeps-going-and-going-until-it-has-to-be-truncated-in-the-middle.final-v2.xlsx',
          name: 'a-very-long-file-name-that-keeps-going-and-going-until-it-has-to-be-truncated-in-the-middle.final-v2.xlsx',
          size: 73_400_320,
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('log');
    await waitFor(() => expect(within(log).getByText(/Thanks all/)).toBeVisible());
    // Long content wraps inside the panel: nothing scrolls sideways.
    await expect(log.scrollWidth).toBeLessThanOrEqual(log.clientWidth);
  },
};

/** Untrusted text, names, links and file names render as text; no unsafe URL reaches the DOM. */
export const HostileInput: Story = {
  parameters: { natter: natter({ history: hostileHistory() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('log');
    await waitFor(() => expect(within(log).getByText('A plugin message')).toBeInTheDocument());
    // "Before you joined" sits below the newest messages: the oldest are a Home key away.
    log.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() =>
      expect(within(log).getByText(/<script>alert\("xss"\)<\/script>/)).toBeInTheDocument(),
    );
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.paste(`Probe ${HOSTILE_TEXT}`);
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(messageWith(canvasElement, /^Probe <script>/)).toHaveAttribute('data-status', 'sent'),
    );
    await expectNoUnsafeMarkup(canvasElement);
  },
};

export const RTL: Story = {
  globals: { dir: 'rtl' },
  parameters: { natter: natter({ history: sampleHistory() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('مرحبا بالجميع! هل يمكنكم سماعي؟')).toBeVisible();
    await expect(getComputedStyle(canvas.getByRole('log')).direction).toBe('rtl');
  },
};

/** Every prop as a control: permissions, theme, locale, strings. */
export const Playground: Story = {
  args: {
    canPin: true,
    canEditOthers: false,
    canDeleteOthers: false,
    theme: 'light',
    locale: 'en-GB',
    strings: { panelTitle: 'Team chat' },
  },
  parameters: { natter: natter({ history: sampleHistory() }) },
};

/**
 * 50 000 messages in memory (no paging): the list stays virtualized, so only the visible rows
 * are in the DOM, and Home/End move through the whole history.
 */
export const ThousandsOfMessages: Story = {
  parameters: {
    natter: natter({
      history: 50_000,
      chat: {
        joinHistoryLimit: 50_000,
        capabilities: { fetchMessages: false, dyteQueries: false },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('log');
    await waitFor(() => expect(log.querySelectorAll('article').length).toBeGreaterThan(3));
    await expect(log.querySelectorAll('article').length).toBeLessThan(60);
    const rows = () => [...log.querySelectorAll<HTMLElement>('[data-index]')];
    await expect(Math.max(...rows().map((r) => Number(r.dataset.index)))).toBe(49_999);
    log.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() =>
      expect(document.activeElement?.closest('[data-index]')).toHaveAttribute('data-index', '0'),
    );
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(document.activeElement?.closest('[data-index]')).toHaveAttribute(
        'data-index',
        '49999',
      ),
    );
    await expect(log.querySelectorAll('article').length).toBeLessThan(60);
  },
};

/** Simulated participants chat, edit, pin and delete every second; new messages are announced. */
export const LiveMeeting: Story = {
  parameters: { natter: natter({ history: sampleHistory(), live: 1000 }) },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log');
    const last = () =>
      Math.max(
        ...[...log.querySelectorAll<HTMLElement>('[data-index]')].map((r) =>
          Number(r.dataset.index),
        ),
      );
    await waitFor(() => expect(last()).toBeGreaterThanOrEqual(10));
    await waitFor(() => expect(last()).toBeGreaterThan(10), { timeout: 6000 });
    const announcer = canvasElement.querySelector('.natter-list [aria-live="polite"]');
    await waitFor(() => expect(announcer?.textContent).not.toBe(''), { timeout: 6000 });
  },
};
