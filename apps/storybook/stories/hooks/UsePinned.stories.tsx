import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { natter } from '../decorators';
import { sampleHistory } from '../fixtures';
import { MinimalPins } from './MinimalPins';
import source from './MinimalPins.tsx?raw';
import { usePinnedReturns } from './returns';

const meta = {
  title: 'Hooks/usePinned',
  component: MinimalPins,
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `Build your own pin UI on \`usePinned()\`: the pinned messages in pin order (following everyone's pins and unpins) and promise-returning \`pin\`, \`unpin\` and \`toggle\`. The example below runs live over a simulated meeting; its whole source follows it (Show code).\n${usePinnedReturns}`,
      },
      source: { code: source, language: 'tsx' },
    },
  },
} satisfies Meta<typeof MinimalPins>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Pin a message and see it listed; unpin it from the list. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pins = canvas.getByRole('list', { name: 'Pinned messages' });
    await waitFor(() => expect(within(pins).getAllByRole('listitem')).toHaveLength(1));
    const toggle = canvas.getByRole('button', { name: 'Pin: I have a hard stop at half past.' });
    await userEvent.click(toggle);
    await waitFor(() => expect(within(pins).getAllByRole('listitem')).toHaveLength(2));
    await expect(within(pins).getAllByRole('listitem')[1]).toHaveTextContent(
      'I have a hard stop at half past.',
    );
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(pins).getAllByRole('button', { name: 'Unpin' })[0]!);
    await waitFor(() => expect(within(pins).getAllByRole('listitem')).toHaveLength(1));
    await expect(within(pins).getByRole('listitem')).toHaveTextContent('hard stop');
  },
};

/** Another participant pins: the list follows. */
export const Pinned: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory(),
      setup: (chat) => {
        chat.simulate.pin('s-1');
        chat.simulate.pin('s-5');
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const pins = within(canvasElement).getByRole('list', { name: 'Pinned messages' });
    await waitFor(() => expect(within(pins).getAllByRole('listitem')).toHaveLength(3));
  },
};

export const Empty: Story = { parameters: { natter: natter({ history: 0 }) } };
