import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useChat } from '@natter/hooks';
import { Composer } from '@natter/ui';
import type { ComposerProps } from '@natter/ui';
import { natter } from '../decorators';
import { SELF_ID, imageFile, sampleHistory, textFile } from '../fixtures';

/** The composer with a readout of your last message, to see what it sent. */
function WithReadout(props: ComposerProps) {
  const { messages } = useChat();
  const own = messages.filter((m) => m.userId === SELF_ID);
  const last = own[own.length - 1];
  return (
    <div className="story-stack story-message-frame">
      <Composer {...props} />
      <p>
        Your last message ({own.length} sent):{' '}
        <output aria-label="Last sent">
          {last
            ? last.type === 'text'
              ? last.message
              : `[${last.type}] ${last.type === 'file' ? last.name : ''}`
            : '—'}
        </output>
      </p>
    </div>
  );
}

const meta = {
  title: 'Components/Composer',
  component: Composer,
  argTypes: {
    chat: { control: false },
    store: { control: false },
    textareaProps: { control: false },
    peerIds: { control: 'object' },
  },
  render: (args) => <WithReadout {...args} />,
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `The message composer: a labelled textarea that grows, Enter sends and Shift+Enter adds a line, Up edits your last message and Esc cancels, attachments with previews (pick, paste or drop), a counter near \`maxTextLimit\`, and validation feedback in an alert region. Drafts survive unmounting. Build your own markup with \`useComposer\`.

\`\`\`tsx
<ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
  <Composer draftKey={meeting.meta.meetingId} />
</ChatProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof Composer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Enter sends, Shift+Enter adds a line. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'First line{Shift>}{Enter}{/Shift}second line');
    await expect(input).toHaveValue('First line\nsecond line');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(canvas.getByRole('status', { name: 'Last sent' })).toHaveTextContent(
        'First line second line',
      ),
    );
    await expect(input).toHaveValue('');
  },
};

/** Up in an empty composer edits your last message; Esc cancels. */
export const Edited: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.keyboard('{ArrowUp}');
    const form = input.closest('form');
    await waitFor(() => expect(form).toHaveAttribute('data-mode', 'edit'));
    await expect(input).toHaveValue('I have a hard stop at half past.');
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(form).toHaveAttribute('data-mode', 'compose'));
    await expect(input).toHaveValue('');
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(form).toHaveAttribute('data-mode', 'edit'));
    await userEvent.clear(input);
    await userEvent.type(input, 'I have a hard stop at quarter to.{Enter}');
    await waitFor(() =>
      expect(canvas.getByRole('status', { name: 'Last sent' })).toHaveTextContent(
        'I have a hard stop at quarter to.',
      ),
    );
  },
};

/** Attachments: an image (previewed) and a file; remove one, send the rest. */
export const WithFiles: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(canvas.getByLabelText('Attach files', { selector: 'input' }), [
      imageFile('whiteboard.png'),
      textFile('agenda.txt'),
    ]);
    const list = await canvas.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(within(list).getByRole('button', { name: 'Remove whiteboard.png' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(canvas.getByRole('status', { name: 'Last sent' })).toHaveTextContent('agenda.txt'),
    );
  },
};

/** Near the limit a counter shows; over it the text cannot be sent. */
export const LongText: Story = {
  parameters: { natter: natter({ history: sampleHistory(), chat: { maxTextLimit: 60 } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.paste('x'.repeat(55));
    await expect(await canvas.findByText('5 characters left')).toBeVisible();
    await userEvent.paste('y'.repeat(10));
    await expect(await canvas.findByText('5 characters over the limit')).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('status', { name: 'Last sent' })).toHaveTextContent(
      'I have a hard stop at half past.',
    );
  },
};

/** Two messages a minute allowed: the third gets a clear error, and the text stays. */
export const RateLimited: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory(),
      chat: { rateLimits: { maxInvocations: 2, period: 60 } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    for (const text of ['one', 'two']) {
      await userEvent.type(input, `${text}{Enter}`);
      await waitFor(() =>
        expect(canvas.getByRole('status', { name: 'Last sent' })).toHaveTextContent(text),
      );
    }
    await userEvent.type(input, 'three{Enter}');
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/too fast/));
    await expect(input).toHaveValue('three');
  },
};

export const RTL: Story = { globals: { dir: 'rtl' }, args: { placeholder: 'اكتب رسالة…' } };

export const Playground: Story = {
  args: { placeholder: 'Say something nice…', isDisabled: false, counterThreshold: 0.5 },
};

/** A PDF and a text file waiting to be sent show their type (PDF, TXT), not a blank tile. */
export const AttachmentTypes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(canvas.getByLabelText('Attach files', { selector: 'input' }), [
      new File(['%PDF-1.4'], 'minutes.pdf', { type: 'application/pdf' }),
      textFile('agenda.txt'),
    ]);
    const list = await canvas.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const icons = [...list.querySelectorAll('.natter-file__icon')];
    await expect(icons.map((icon) => icon.getAttribute('data-file-type'))).toEqual(['pdf', 'text']);
    await expect(icons.map((icon) => icon.textContent)).toEqual(['PDF', 'TXT']);
    for (const icon of icons) {
      const box = icon.getBoundingClientRect();
      await expect(box.width).toBeGreaterThan(16);
      await expect(box.height).toBeGreaterThan(16);
    }
  },
};
