import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalMeeting, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import type { MessageActionRules } from '@natter/core';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { useReleaseMeeting } from './useReleaseMeeting';

interface MeetingStoryProps {
  /** The preset at start. */
  options?: LocalMeetingOptions;
  /** Who may edit, delete and pin (the dev server: author, or host for delete and pin). */
  messageRules?: Partial<MessageActionRules>;
  /** Show the host's switches beside the panel (they drive the preset live). */
  hostSwitches?: boolean;
}

/** ChatPanel on a RealtimeKit-shaped meeting (createLocalMeeting) whose preset the story sets. */
function MeetingStory({ options, messageRules, hostSwitches }: MeetingStoryProps) {
  const [meeting] = useState<LocalMeeting>(() =>
    createLocalMeeting({
      seed: 42,
      latencyMs: 60,
      history: 6,
      now: new Date('2026-11-20T15:30:00Z'),
      self: { userId: 'u-self', displayName: 'You' },
      participants: [
        { userId: 'u-ada', displayName: 'Ada Lovelace' },
        { userId: 'u-grace', displayName: 'Grace Hopper' },
      ],
      ...options,
    }),
  );
  const [publicSend, setPublicSend] = useState(meeting.self.permissions.chatPublic.canSend);
  const [files, setFiles] = useState(meeting.self.permissions.chatPublic.files);
  useReleaseMeeting(meeting);
  return (
    <ChatProvider meeting={meeting} messageRules={messageRules}>
      <div className="story-stack">
        {hostSwitches ? (
          <fieldset>
            <legend>Host (drives meeting.self.permissions live)</legend>
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={publicSend}
                onChange={(event) => {
                  setPublicSend(event.target.checked);
                  meeting.host.setPermissions({ chatPublic: { canSend: event.target.checked } });
                }}
              />{' '}
              Participants can chat
            </label>{' '}
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={files}
                onChange={(event) => {
                  setFiles(event.target.checked);
                  meeting.host.setPermissions({ chatPublic: { files: event.target.checked } });
                }}
              />{' '}
              Participants can send files
            </label>
          </fieldset>
        ) : null}
        <ChatPanel style={{ blockSize: 480 }} />
      </div>
    </ChatProvider>
  );
}

const meta = {
  title: 'Meeting/Permissions',
  component: MeetingStory,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `What the host allows, read live from \`meeting.self.permissions\` (\`chatPublic\`, \`chatPrivate\`) through \`useChatPermissions\`. The composer says why when sending is off, hides attach when files are off, explains itself when only files may be sent; message actions follow the meeting's rule.

\`\`\`tsx
<ChatProvider meeting={meeting}>
  <ChatPanel />
</ChatProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof MeetingStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Everything allowed: attach, text, and pins on every message (RealtimeKit's own rule). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Attach files' });
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  },
};

/** The host turned chat off: a notice replaces the composer. */
export const ChatOff: Story = {
  args: { options: { chatPublic: { canSend: false } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The host has turned off chat')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
  },
};

/** Files off: no attach button; text still goes. */
export const FilesOff: Story = {
  args: { options: { chatPublic: { files: false } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('textbox', { name: 'Message' });
    await expect(canvas.queryByRole('button', { name: 'Attach files' })).toBeNull();
  },
};

/** Text off, files on: the box says only files can be sent. */
export const FilesOnly: Story = {
  args: { options: { chatPublic: { text: false } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('textbox', { name: 'Message' });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAttribute('placeholder', 'Only files can be sent here');
  },
};

/** A participant on the dev server's rule: only their own messages can be changed or pinned. */
export const ParticipantRules: Story = {
  args: { messageRules: { edit: 'own', delete: 'own', pin: 'own' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByRole('button', { name: /^Message actions/ });
    const remote = canvasElement.querySelector<HTMLElement>('[data-origin="remote"]');
    if (!remote) throw new Error('no message from someone else');
    await userEvent.click(within(remote).getByRole('button', { name: /^Message actions/ }));
    const items = await canvas.findAllByRole('menuitem');
    await expect(items.map((item) => item.textContent)).toEqual(['Copy text']);
    await userEvent.keyboard('{Escape}');
  },
};

/** The host's switches change the preset in place; the panel follows live. */
export const HostTurnsChatOff: Story = {
  args: { hostSwitches: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('switch', { name: 'Participants can chat' }));
    await expect(await canvas.findByText('The host has turned off chat')).toBeVisible();
    await userEvent.click(canvas.getByRole('switch', { name: 'Participants can chat' }));
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled());
  },
};
