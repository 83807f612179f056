import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Message } from '@natter/core';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalMeeting } from '@natter/core/testing';
import { ChatProvider, useUnreadCount } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { useReleaseMeeting } from './useReleaseMeeting';
import { HOSTILE_LINES, NOW, PEOPLE, expectNoUnsafeMarkup, sampleHistory } from '../fixtures';

interface MissedProps {
  /** The history the late joiner finds. */
  history?: Message[];
  /** `meeting`: times as "+12:30" from the meeting's start. */
  timeFormat?: 'absolute' | 'meeting';
}

function ChatToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { count } = useUnreadCount({ isRead: open });
  return (
    <button type="button" aria-expanded={open} onClick={onToggle}>
      Chat{count > 0 ? ` (${count} unread)` : ''}
    </button>
  );
}

function Missed({ history = sampleHistory(), timeFormat }: MissedProps) {
  const [meeting] = useState<LocalMeeting>(() =>
    createLocalMeeting({
      seed: 5,
      latencyMs: 30,
      history,
      now: NOW,
      self: PEOPLE.self,
      participants: [PEOPLE.ada, PEOPLE.grace, PEOPLE.amal, PEOPLE.noa],
    }),
  );
  const [open, setOpen] = useState(true);
  useReleaseMeeting(meeting);
  return (
    <ChatProvider meeting={meeting}>
      <div className="story-stack">
        <div>
          <ChatToggle open={open} onToggle={() => setOpen(!open)} />{' '}
          <button
            type="button"
            onClick={() => {
              meeting.chat.simulate.receive({ ...PEOPLE.grace, text: 'Are you back?' });
              meeting.chat.simulate.receive({ ...PEOPLE.noa, text: 'The vote is at 4.' });
            }}
          >
            Simulate: two messages arrive
          </button>
        </div>
        {open ? (
          // The three-line panel: the summary comes by default. With `timeFormat="meeting"`
          // and no `meetingStartedAt`, the first message's time is the meeting's start.
          <ChatPanel style={{ blockSize: 520 }} timeFormat={timeFormat} />
        ) : null}
      </div>
    </ChatProvider>
  );
}

const meta = {
  title: 'Meeting/What you missed',
  component: Missed,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `The default \`<ChatPanel />\`: a late joiner finds "Before you joined" in the list, where the history they found ends; someone opening the panel again finds "While you were away" at the unread divider, above what others wrote meanwhile. How many messages, from whom, which are pinned and which are files, each a jump to its message. It is a region with a heading, announced politely once, and dismissible; it loads after first paint (\`missed={false}\` leaves it out; \`<MissedSummary />\` and \`useMissedSummary()\` serve your own layout).`,
      },
    },
  },
} satisfies Meta<typeof Missed>;
export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement, name: string | RegExp) =>
  within(canvasElement).findByRole('region', { name });
/** The message text of the row the summary sits in (the row's own article). */
const rowText = (summary: HTMLElement) =>
  summary.closest('[data-natter-row]')?.querySelector('article')?.textContent ?? '';
/** What a sighted reader sees (names are wrapped in invisible bidi isolates). */
const shown = (el: Element) => (el.textContent ?? '').replace(/[\u2068\u2069]/g, '');

/** Joining late: eight messages from four people (yours never count), a pin and two files. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await region(canvasElement, 'Before you joined');
    const inside = within(summary);
    // In the list, right below the last message the late joiner found (where they joined).
    await expect(within(canvasElement).getByRole('log')).toContainElement(summary);
    await expect(rowText(summary)).toContain('I have a hard stop at half past.');
    await expect(shown(summary)).toContain(
      '8 messages from Ada Lovelace, Grace Hopper, and 2 others',
    );
    const pins = inside.getByRole('list', { name: 'Pinned' });
    await expect(within(pins).getAllByRole('button')).toHaveLength(1);
    const files = inside.getByRole('list', { name: 'Files' });
    // Images and files of others (yours never count): two images and a text file.
    await expect(within(files).getAllByRole('button')).toHaveLength(3);
    // Announced once, politely.
    await waitFor(() =>
      expect(summary.querySelector('[aria-live="polite"]')).toHaveTextContent(
        'Before you joined: 8 messages from',
      ),
    );

    // The jump: the pinned message gets focus and the highlight.
    await userEvent.click(within(pins).getByRole('button', { name: /latency graph/ }));
    await waitFor(() => {
      const focused = document.activeElement as HTMLElement;
      expect(focused).toHaveTextContent('Can you go back to the latency graph?');
      expect(focused).toHaveAttribute('data-highlighted', '');
    });
    // The summary stays where the reader joined: back down to it, and from the keyboard, Enter
    // on "Go to the first".
    await userEvent.click(canvas.getByRole('button', { name: 'Jump to latest messages' }));
    const again = within(await region(canvasElement, 'Before you joined'));
    again.getByRole('button', { name: 'Go to the first' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent(
        'Good morning! Sharing the slides in a second.',
      ),
    );

    await userEvent.click(canvas.getByRole('button', { name: 'Jump to latest messages' }));
    await userEvent.click(
      within(await region(canvasElement, 'Before you joined')).getByRole('button', {
        name: 'Dismiss',
      }),
    );
    await waitFor(() =>
      expect(within(canvasElement).queryByRole('region', { name: 'Before you joined' })).toBeNull(),
    );
  },
};

/** Close the panel, two messages arrive, open it again: only those two are summarised. */
export const ComingBack: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      within(await region(canvasElement, 'Before you joined')).getByRole('button', {
        name: 'Dismiss',
      }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Chat' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Simulate: two messages arrive' }));
    const toggle = await canvas.findByRole('button', { name: 'Chat (2 unread)' });
    await userEvent.click(toggle);
    const summary = await region(canvasElement, 'While you were away');
    await expect(shown(summary)).toContain('2 messages from Grace Hopper and נועה');
    // At the unread divider, above the first message that arrived while the panel was closed.
    await expect(summary.previousElementSibling).toHaveClass('natter-unread');
    await expect(rowText(summary)).toContain('Are you back?');
    await userEvent.click(within(summary).getByRole('button', { name: 'Go to the first' }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Are you back?'));
  },
};

/** Names of every hostile flavour stay text: no markup, no reordering of the sentence. */
export const HostileNames: Story = {
  args: {
    history: HOSTILE_LINES.slice(0, 4).map((line, i) => {
      const time = new Date(NOW.getTime() - (10 - i) * 60_000);
      return {
        id: `h-${i}`,
        type: 'text',
        userId: `u-h${i}`,
        displayName: `${line}\u202E${i}`,
        message: `message ${i}`,
        time,
        timeMs: time.getTime(),
      } as Message;
    }),
  },
  play: async ({ canvasElement }) => {
    const summary = await region(canvasElement, 'Before you joined');
    await expect(shown(summary)).toMatch(/^Before you joined4 messages from .*, and 2 others/);
    await expectNoUnsafeMarkup(canvasElement);
    await expect(summary.textContent).not.toContain('\u202E');
  },
};

/** Meeting-relative times: the pin and files in the summary and every row read "+mm:ss". */
export const MeetingTime: Story = {
  args: { timeFormat: 'meeting' },
  play: async ({ canvasElement }) => {
    const summary = await region(canvasElement, 'Before you joined');
    const times = [...summary.querySelectorAll('.natter-time__relative')].map((t) => t.textContent);
    await expect(times).toEqual(['+4:00', '+2:00', '+14:00', '+16:00']);
    const log = within(canvasElement).getByRole('log');
    // The newest row, 20 minutes after the first message of the meeting.
    const last = await within(log).findByText('I have a hard stop at half past.');
    const time = last.closest('article')?.querySelector('.natter-time__relative');
    await expect(time).toHaveTextContent('+20:00');
  },
};

/**
 * Right to left: the summary's buttons are one tab stop, and Left and Right follow the reading
 * direction (Left goes on to the next button, Right back), as Up and Down do in every direction.
 */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const summary = await region(canvasElement, 'Before you joined');
    const buttons = within(summary).getAllByRole('button');
    await expect(buttons.length).toBeGreaterThan(2);
    buttons[0]?.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(document.activeElement).toBe(buttons[1]);
    await userEvent.keyboard('{ArrowLeft}');
    await expect(document.activeElement).toBe(buttons[2]);
    await userEvent.keyboard('{ArrowRight}');
    await expect(document.activeElement).toBe(buttons[1]);
    await userEvent.keyboard('{ArrowDown}');
    await expect(document.activeElement).toBe(buttons[2]);
    // Still one tab stop: only the focused button is in the tab order.
    await expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[2]]);
  },
};
