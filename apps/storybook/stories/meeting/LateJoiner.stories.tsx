import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalMeeting } from '@natter/core/testing';
import { ChatProvider, useUnreadCount } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { useReleaseMeeting } from './useReleaseMeeting';

interface LateJoinerProps {
  /** Start with the panel collapsed behind a toggle button with an unread badge. */
  collapsed?: boolean;
  /** Messages others send once the story is up. */
  arriving?: string[];
}

/** A chat toggle button whose badge counts what arrived while the panel was closed. */
function ChatToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { count } = useUnreadCount({ isRead: open });
  return (
    <button type="button" aria-expanded={open} onClick={onToggle}>
      Chat{count > 0 ? ` (${count} unread)` : ''}
    </button>
  );
}

function LateJoiner({ collapsed = false, arriving = [] }: LateJoinerProps) {
  const [meeting] = useState<LocalMeeting>(() =>
    createLocalMeeting({
      seed: 5,
      latencyMs: 30,
      history: 4,
      now: new Date('2026-11-20T15:30:00Z'),
      self: { userId: 'u-self', displayName: 'You' },
      participants: [
        { userId: 'u-ada', displayName: 'Ada Lovelace' },
        { userId: 'u-grace', displayName: 'Grace Hopper' },
      ],
    }),
  );
  const [open, setOpen] = useState(!collapsed);
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const text of arriving) meeting.chat.simulate.receive({ userId: 'u-grace', text });
    }, 200);
    return () => clearTimeout(timer);
    // Once: the story's messages arrive after it mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the story's args are fixed
  }, [meeting]);
  useReleaseMeeting(meeting);
  return (
    <ChatProvider meeting={meeting}>
      <div className="story-stack">
        <ChatToggle open={open} onToggle={() => setOpen(!open)} />
        {open ? <ChatPanel style={{ blockSize: 420 }} /> : null}
      </div>
    </ChatProvider>
  );
}

const meta = {
  title: 'Meeting/Late joiners',
  component: LateJoiner,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `Joining late: the history that was there when you joined ends at a **You joined here** divider. A chat toggle button shows what arrived while the panel was closed with \`useUnreadCount({ isRead: open })\` (history and your own messages never count).`,
      },
    },
  },
} satisfies Meta<typeof LateJoiner>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Messages after you joined come below the divider. */
export const Default: Story = {
  args: { arriving: ['Welcome! We were just talking about the slides.'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Welcome! We were just talking about the slides.');
    await expect(await canvas.findByText('You joined here')).toBeVisible();
  },
};

/** The panel is collapsed: the toggle's badge counts the two messages; opening reads them. */
export const CollapsedWithBadge: Story = {
  args: { collapsed: true, arriving: ['Are you there?', 'Ping me when you are'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole('button', { name: 'Chat (2 unread)' });
    await userEvent.click(toggle);
    await canvas.findByText('Ping me when you are');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Chat' })).toBeVisible());
  },
};
