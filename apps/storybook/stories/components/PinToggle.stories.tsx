import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { usePinned } from '@natter/hooks';
import { PinToggle } from '@natter/ui';
import type { PinToggleProps } from '@natter/ui';
import { natter } from '../decorators';
import { sampleHistory } from '../fixtures';

function WithCount(props: PinToggleProps) {
  const { pinned } = usePinned();
  return (
    <div className="story-stack story-message-frame">
      <PinToggle {...props} />
      <p role="status">{pinned.length} pinned</p>
    </div>
  );
}

const meta = {
  title: 'Components/PinToggle',
  component: PinToggle,
  args: { messageId: 's-1' },
  argTypes: { chat: { control: false }, store: { control: false } },
  render: (args) => <WithCount {...args} />,
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `A toggle button pinning or unpinning one message (\`aria-pressed\`, \`data-state="pinned|unpinned"\`). For your own button, \`usePinToggle({ messageId }).getToggleProps()\` gives the same behaviour as a prop bag.

\`\`\`tsx
<PinToggle messageId={message.id}>📌 Pin</PinToggle>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof PinToggle>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: 'Pin' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
    await expect(canvas.getByRole('status')).toHaveTextContent('2 pinned');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'false'));
    await expect(canvas.getByRole('status')).toHaveTextContent('1 pinned');
  },
};

export const Pinned: Story = {
  args: { messageId: 's-3', children: 'Pinned' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Pinned' })).toHaveAttribute(
      'data-state',
      'pinned',
    );
  },
};

export const Playground: Story = { args: { disabled: false } };
