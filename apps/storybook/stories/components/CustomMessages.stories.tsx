import { useCallback, useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import type { CustomEntry } from '@natter/ui';
import { natter } from '../decorators';

interface Poll {
  poll: string;
  options: string[];
}

/** An app's own format: a poll carried as JSON in the custom message's `message`. */
function readPoll(entry: CustomEntry): Poll | undefined {
  try {
    const value = JSON.parse(entry.message ?? '') as Partial<Poll>;
    return typeof value.poll === 'string' && Array.isArray(value.options)
      ? { poll: value.poll, options: value.options.map(String) }
      : undefined;
  } catch {
    return undefined;
  }
}

interface CustomStoryProps {
  /** Render polls with `renderCustom` (else every custom message gets the default row). */
  withPolls?: boolean;
}

/** ChatPanel over createLocalChat with custom messages from Ada: a poll and a plugin's note. */
function CustomStory({ withPolls = false }: CustomStoryProps) {
  const [chat] = useState<LocalChat>(() =>
    createLocalChat({ seed: 5, history: 0, now: new Date('2026-11-20T15:30:00Z') }),
  );
  useEffect(() => {
    chat.simulate.receive({
      userId: 'user-ada',
      custom: {
        message: JSON.stringify({ poll: 'Where shall we eat?', options: ['Pizza', 'Soup'] }),
      },
    });
    chat.simulate.receive({
      userId: 'user-grace',
      custom: {
        message: 'Whiteboard saved',
        html: '<img src=x onerror="alert(1)"><b>Board 1</b>',
        files: [{ link: 'https://files.example/board-1.pdf', name: 'board-1.pdf', size: 2048 }],
      },
    });
    return () => {
      releaseChatStore(chat);
      chat.dispose();
    };
  }, [chat]);
  const renderCustom = useCallback((entry: CustomEntry) => {
    const poll = readPoll(entry);
    if (!poll) return undefined;
    return (
      <fieldset className="story-poll">
        <legend>{poll.poll}</legend>
        {poll.options.map((option) => (
          <label key={option}>
            <input type="radio" name={`poll-${entry.id}`} value={option} /> {option}
          </label>
        ))}
      </fieldset>
    );
  }, []);
  return (
    <ChatProvider chat={chat}>
      <ChatPanel style={{ blockSize: 420 }} renderCustom={withPolls ? renderCustom : undefined} />
    </ChatProvider>
  );
}

const meta = {
  title: 'Components/Custom messages',
  component: CustomStory,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `Custom messages (\`type: 'custom'\`, sent with \`sendCustom(chat, payload)\` from \`@natter/core\`, which calls the SDK's \`sendCustomMessage\`). By default a custom message is a neutral row: its text, any HTML shown as text (never parsed), its attachments as links. Give \`ChatPanel\` (or \`MessageList\`) a \`renderCustom\` to render your own kinds, such as a poll; return \`undefined\` for the default.`,
      },
    },
  },
} satisfies Meta<typeof CustomStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Bound for waiting on the simulated messages (any load). */
const LONG = { timeout: 10_000 };

/** The default rendering: the poll's JSON as text, the plugin's HTML as text, no markup run. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Whiteboard saved', {}, LONG);
    await canvas.findByText(/Where shall we eat/, {}, LONG);
    await expect(canvas.getByText('<img src=x onerror="alert(1)"><b>Board 1</b>')).toBeTruthy();
    await expect(canvasElement.querySelector('.natter-message img, .natter-message b')).toBeNull();
    await expect(canvas.getByRole('link', { name: /board-1\.pdf/ })).toBeTruthy();
  },
};

/** `renderCustom` renders the poll; the other custom message keeps the default row. */
export const Poll: Story = {
  args: { withPolls: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const poll = await canvas.findByRole('group', { name: 'Where shall we eat?' }, LONG);
    await expect(within(poll).getAllByRole('radio')).toHaveLength(2);
    await canvas.findByText('Whiteboard saved', {}, LONG);
  },
};
