import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatPanel } from '@natter/ui';
import { natter, withPanelFrame } from '../decorators';
import { articles } from '../queries';
import { sampleHistory } from '../fixtures';

const meta = {
  title: 'Components/ChatPanel/Options',
  component: ChatPanel,
  argTypes: {
    timeFormat: { control: 'inline-radio', options: ['absolute', 'meeting'] },
    missed: { control: 'boolean' },
    filter: { control: 'boolean' },
    chat: { control: false },
  },
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `What the three-line panel brings by default, each loaded on demand and each with a prop to turn it off: "what you missed" at the list's divider (\`missed\`), the header's "Filter" button (\`filter\`), and meeting-relative times (\`timeFormat="meeting"\`, from \`meetingStartedAt\` or the first message).`,
      },
    },
  },
  decorators: [withPanelFrame],
} satisfies Meta<typeof ChatPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The default panel: the summary of what the late joiner found sits in the list where it ends. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await canvas.findByRole('region', { name: 'Before you joined' });
    await expect(canvas.getByRole('log')).toContainElement(summary);
    await expect(summary).toHaveTextContent(/8 messages from/);
    await expect(canvas.getByRole('button', { name: 'Filter' })).toBeVisible();
    // One tab stop in the list, as the list is: the arrow keys move between its buttons.
    const jump = within(summary).getByRole('button', { name: 'Go to the first' });
    await expect(jump.tabIndex).toBe(0);
    jump.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).not.toBe(jump));
    await expect(summary).toContainElement(document.activeElement as HTMLElement);
    await expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    await expect(jump.tabIndex).toBe(-1);
  },
};

/** The filter, opened from the header: the list shows only the matches. */
export const Filter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));
    await userEvent.click(canvas.getByRole('button', { name: 'Filter' }));
    const search = await canvas.findByRole('searchbox', { name: 'Search messages' });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.keyboard('slides');
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(1));
    await expect(within(canvas.getByRole('search')).getByRole('status')).toHaveTextContent(
      '1 of 11 messages',
    );
  },
};

/** `timeFormat="meeting"`: every time in the list and the summary as "+mm:ss". */
export const MeetingTime: Story = {
  args: { timeFormat: 'meeting', meetingStartedAt: sampleHistory()[0]?.time },
  play: async ({ canvasElement }) => {
    // The list starts at the newest messages (older rows may be virtualized away).
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));
    const times = articles(canvasElement).map(
      (a) => a.querySelector('.natter-time__relative')?.textContent,
    );
    // sampleHistory: one message every two minutes, eleven of them.
    await expect(times.slice(-3)).toEqual(['+16:00', '+18:00', '+20:00']);
    const summary = await within(canvasElement).findByRole('region', {
      name: 'Before you joined',
    });
    for (const time of summary.querySelectorAll('.natter-time__relative')) {
      await expect(time.textContent).toMatch(/^\+\d+:\d\d$/);
    }
  },
};

/** `missed={false}` and `filter={false}`: neither the summary nor the button. */
export const Off: Story = {
  args: { missed: false, filter: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));
    // Wait for what loads after first paint (the real download button), so the absence below is
    // not checked before a lazily loaded summary or filter button could have appeared.
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Download chat' })).toBeEnabled(),
    );
    await expect(canvas.queryByRole('button', { name: 'Filter' })).toBeNull();
    await expect(canvas.queryByRole('region', { name: 'Before you joined' })).toBeNull();
    await expect(canvasElement.querySelector('.natter-time__relative')).not.toHaveTextContent(
      /^\+/,
    );
  },
};
