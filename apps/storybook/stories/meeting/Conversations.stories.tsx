import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalMeeting, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { useReleaseMeeting } from './useReleaseMeeting';

interface ConversationStoryProps {
  /** The preset at start. */
  options?: LocalMeetingOptions;
  /** Private messages Ada sends you once the story is up. */
  privateFromAda?: string[];
}

/** ChatPanel on a meeting where Ada writes to you privately (createLocalMeeting). */
function ConversationStory({ options, privateFromAda = [] }: ConversationStoryProps) {
  const [meeting] = useState<LocalMeeting>(() =>
    createLocalMeeting({
      seed: 7,
      latencyMs: 30,
      history: 5,
      now: new Date('2026-11-20T15:30:00Z'),
      self: { userId: 'u-self', displayName: 'You' },
      participants: [
        { userId: 'u-ada', displayName: 'Ada Lovelace' },
        { userId: 'u-grace', displayName: 'Grace Hopper' },
      ],
      ...options,
    }),
  );
  useEffect(() => {
    for (const text of privateFromAda)
      meeting.chat.simulate.receive({ userId: 'u-ada', text, private: true });
    // Once: the story's messages arrive when it mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the story's args are fixed
  }, [meeting]);
  useReleaseMeeting(meeting);
  return (
    <ChatProvider meeting={meeting}>
      <ChatPanel style={{ blockSize: 480 }} />
    </ChatProvider>
  );
}

const meta = {
  title: 'Meeting/Conversations',
  component: ConversationStory,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `Private conversations in \`ChatPanel\`: the composer's **To** offers Everyone (while \`chatPublic.canSend\`) and each person in the room (while \`chatPrivate.canSend\`); the switcher lists Everyone and each private conversation with its unread count, once there is one. Opening a conversation fetches its history with \`fetchPrivateMessages\` where the SDK has it. When the other person leaves, the composer says so and sends nothing (never publicly). Build your own with \`useConversations()\`.`,
      },
    },
  },
} satisfies Meta<typeof ConversationStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** No private conversation yet: no switcher; To offers everyone and each person. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const to = await canvas.findByRole('combobox', { name: 'To' });
    await expect(
      within(to)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Everyone', 'Ada Lovelace', 'Grace Hopper']);
    await expect(canvas.queryByRole('navigation', { name: 'Conversations' })).toBeNull();
  },
};

/** Ada wrote to you while you read the public chat: the switcher shows her conversation, 2 unread. */
export const Unread: Story = {
  args: { privateFromAda: ['Got a minute?', 'About the slides…'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = await canvas.findByRole('navigation', { name: 'Conversations' });
    await within(nav).findByRole('button', { name: /^Ada Lovelace\W+2 unread$/ });
    await expect(within(nav).getByRole('button', { name: 'Everyone' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(canvas.getByRole('log')).not.toHaveTextContent('Got a minute?');
  },
};

/** The conversation with Ada, opened from the switcher: her messages, and To says who reads yours. */
export const PrivateConversation: Story = {
  args: { privateFromAda: ['Got a minute?'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = await canvas.findByRole('navigation', { name: 'Conversations' });
    await userEvent.click(await within(nav).findByRole('button', { name: /^Ada Lovelace/ }));
    await waitFor(() => expect(canvas.getByRole('log')).toHaveTextContent('Got a minute?'));
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveAttribute(
      'placeholder',
      'Private message to Ada Lovelace',
    );
  },
};

/** Ada left while her conversation was open: the composer says so and cannot send. */
export const RecipientLeft: Story = {
  args: { privateFromAda: ['Got a minute?'], options: { joined: ['u-grace'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = await canvas.findByRole('navigation', { name: 'Conversations' });
    await userEvent.click(await within(nav).findByRole('button', { name: /^Ada Lovelace/ }));
    await canvas.findByText(/^Ada Lovelace has left the meeting/);
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
  },
};

/** A preset without private chat: To is not offered; the panel is the public chat alone. */
export const PrivateChatOff: Story = {
  args: { options: { chatPrivate: null } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('textbox', { name: 'Message' });
    await expect(canvas.queryByRole('combobox', { name: 'To' })).toBeNull();
  },
};
