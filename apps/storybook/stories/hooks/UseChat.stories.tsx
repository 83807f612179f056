import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useChat } from '@natter/hooks';
import { natter } from '../decorators';

/**
 * Build your own chat UI on `useChat()`: messages with their send status, and bound actions that
 * return promises. This whole UI is the 40 lines below.
 */
function MinimalChat() {
  const { messages, sendText, retry, lastError, isSending, status } = useChat();
  const [draft, setDraft] = useState('');
  return (
    <section aria-label="Minimal chat" className="story-minimal">
      <p aria-live="polite">{status === 'ready' ? `${messages.length} messages` : 'Loading…'}</p>
      <ol aria-label="Messages">
        {messages.map((m) => (
          <li key={m.clientKey} data-status={m.status}>
            <b>{m.displayName}</b>: {m.type === 'text' ? m.message : `[${m.type}]`}{' '}
            {m.status === 'failed' && (
              <button type="button" onClick={() => void retry(m.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          sendText(draft).then(
            () => undefined,
            () => undefined,
          );
          setDraft('');
        }}
      >
        <label>
          Message <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={isSending && draft === ''}>
          Send
        </button>
      </form>
      {lastError && <p role="alert">{lastError.message}</p>}
    </section>
  );
}

const meta = {
  title: 'Hooks/useChat',
  component: MinimalChat,
  parameters: { natter: { history: 5 } },
} satisfies Meta<typeof MinimalChat>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('5 messages')).toBeVisible());
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Message' }),
      'Hello from a custom UI',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    const list = canvas.getByRole('list', { name: 'Messages' });
    await waitFor(() =>
      expect(
        within(list)
          .getByText(/Hello from a custom UI/)
          .closest('li'),
      ).toHaveAttribute('data-status', 'sent'),
    );
    await expect(within(list).getAllByText(/Hello from a custom UI/)).toHaveLength(1);
  },
};

export const Empty: Story = { parameters: { natter: { history: 0 } } };

export const Failed: Story = {
  parameters: {
    natter: natter({
      history: 2,
      setup: (chat) => chat.simulate.failNext('reject', new Error('socket closed')),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'This one fails');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/connection|server/i));
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(canvas.getByText(/This one fails/).closest('li')).toHaveAttribute(
        'data-status',
        'sent',
      ),
    );
  },
};
