import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { natter } from '../decorators';
import { MinimalChat } from './MinimalChat';
import source from './MinimalChat.tsx?raw';
import { useChatReturns } from './returns';

const meta = {
  title: 'Hooks/useChat',
  component: MinimalChat,
  parameters: {
    natter: { history: 5 },
    docs: {
      description: {
        component: `Build your own chat UI on \`useChat()\`: messages with their send status and bound actions that return promises. The example below runs live over a simulated meeting; its whole source follows it (Show code).\n${useChatReturns}`,
      },
      source: { code: source, language: 'tsx' },
    },
  },
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
