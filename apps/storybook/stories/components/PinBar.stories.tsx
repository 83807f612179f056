import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ListControllerContext, MessageList, PinBar, useListControllerRef } from '@natter/ui';
import type { PinBarProps } from '@natter/ui';
import { natter } from '../decorators';
import { LONG_TEXT, sampleHistory } from '../fixtures';

/** The pin bar above a list: `ListControllerContext` lets its excerpt jump to the message. */
function WithList(props: PinBarProps) {
  const list = useListControllerRef();
  return (
    <ListControllerContext.Provider value={list}>
      <div className="story-parts">
        <PinBar {...props} />
        <MessageList />
      </div>
    </ListControllerContext.Provider>
  );
}

const pinned = (...ids: string[]) =>
  natter({
    history: sampleHistory().map((m) => ({ ...m, pinned: ids.includes(m.id) })),
  });

const meta = {
  title: 'Components/PinBar',
  component: PinBar,
  args: { canPin: true },
  argTypes: { chat: { control: false }, store: { control: false } },
  render: (args) => <WithList {...args} />,
  parameters: {
    natter: pinned('s-3'),
    docs: {
      description: {
        component: `The pinned messages above the list: the count, one message at a time (previous / next buttons, or Left / Right), the excerpt jumps to the message, Unpin where allowed. Renders nothing when nothing is pinned and follows everyone's pins.

\`\`\`tsx
const list = useListControllerRef();
<ListControllerContext.Provider value={list}>
  <PinBar canPin={isHost} />
  <MessageList />
</ListControllerContext.Provider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof PinBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('region', { name: '1 pinned message' });
    await expect(bar).toHaveTextContent('Thanks. Can you go back to the latency graph?');
    await expect(within(bar).queryByRole('button', { name: 'Next pinned message' })).toBeNull();
  },
};

/** Three pins: arrows cycle them, the excerpt jumps to the message, Unpin removes one. */
export const Pinned: Story = {
  parameters: { natter: pinned('s-1', 's-3', 's-6') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole('region', { name: '3 pinned messages' });
    const excerpt = () => within(bar).getByRole('button', { name: /^Go to pinned message/ });
    await expect(excerpt()).toHaveAccessibleName(/\(3 of 3\)/);
    excerpt().focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(excerpt()).toHaveAccessibleName(/\(1 of 3\)/));
    await expect(excerpt()).toHaveTextContent('Good morning!');
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(excerpt()).toHaveAccessibleName(/\(3 of 3\)/));
    await userEvent.click(within(bar).getByRole('button', { name: 'Previous pinned message' }));
    await waitFor(() => expect(excerpt()).toHaveAccessibleName(/\(2 of 3\)/));
    await userEvent.click(excerpt());
    const target = await waitFor(() => {
      const found = canvasElement.querySelector('article[data-highlighted]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await expect(target).toHaveTextContent('Thanks. Can you go back to the latency graph?');
    await expect(target).toHaveFocus();
    await userEvent.click(within(bar).getByRole('button', { name: 'Unpin' }));
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: '2 pinned messages' })).toBeVisible(),
    );
  },
};

/** Nothing pinned: the bar renders nothing. */
export const Empty: Story = {
  parameters: { natter: pinned() },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('log');
    await expect(canvasElement.querySelector('.natter-pinbar')).toBeNull();
  },
};

export const WithImages: Story = {
  parameters: { natter: pinned('s-2', 's-5') },
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('region', { name: '2 pinned messages' });
    await expect(bar).toHaveTextContent('quarterly-report.final.pdf');
    await userEvent.click(within(bar).getByRole('button', { name: 'Next pinned message' }));
    await waitFor(() => expect(bar).toHaveTextContent('Image'));
  },
};

export const LongText: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory().map((m) =>
        m.id === 's-3' && m.type === 'text' ? { ...m, message: LONG_TEXT, pinned: true } : m,
      ),
    }),
  },
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('region', { name: '1 pinned message' });
    await expect(bar.textContent ?? '').toContain('…');
  },
};

/** In right-to-left, ArrowLeft moves to the next pin. */
export const RTL: Story = {
  globals: { dir: 'rtl' },
  parameters: { natter: pinned('s-1', 's-6') },
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('region', { name: '2 pinned messages' });
    const excerpt = within(bar).getByRole('button', { name: /^Go to pinned message/ });
    excerpt.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(excerpt).toHaveAccessibleName(/\(1 of 2\)/));
  },
};

export const Playground: Story = { args: { canPin: false } };
