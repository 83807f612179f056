import type { StoryObj } from '@storybook/react-vite';
import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { parseChatDump, toChatDumpCsv } from '@natter/core';
import type { DumpMessage } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { ChatPanel, ReplayView } from '@natter/ui';
import { natter, withPanelFrame } from '../decorators';
import { articles } from '../queries';
import { sampleHistory } from '../fixtures';

const meta = {
  title: 'Meeting/Filter',
  component: ChatPanel,
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `The default \`<ChatPanel />\`'s "Filter" button (in its header) opens one filter for the live list and the replay: participant, type, pinned only and text, combined, with the match count. The list shows only the matches; Enter and Shift+Enter in the search field go to the next and previous match (the list's arrow keys move between them too); Escape closes the bar and puts the focus back on "Filter". The bar loads when first opened (\`filter={false}\` leaves the button out; \`<MessageFilter onMatchesChange={…} />\` serves your own layout). \`timeFormat="meeting"\` (on \`ChatPanel\` and \`ReplayView\`) shows every time as "+12:30" from the meeting's start.`,
      },
    },
  },
  decorators: [withPanelFrame],
} satisfies Meta<typeof ChatPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the filter from the panel's header, from the keyboard: the search field takes the focus. */
async function openFilter(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  const button = canvas.getByRole('button', { name: 'Filter' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  button.focus();
  await userEvent.keyboard('{Enter}');
  const search = await canvas.findByRole('searchbox', { name: 'Search messages' });
  await waitFor(() => expect(search).toHaveFocus());
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return search;
}

/** In the live panel, from the keyboard: open, type, step through matches, combine, close. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The list starts at the newest messages (older rows may be virtualized away).
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));
    const search = await openFilter(canvasElement);
    const count = within(canvas.getByRole('search')).getByRole('status');

    await userEvent.keyboard('the');
    await waitFor(() => expect(count).toHaveTextContent('3 of 11 messages'));
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(3));
    // Each match one keystroke away; focus stays in the search field.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(count).toHaveTextContent('1 of 3 matches'));
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-highlighted]')).toHaveTextContent(
        'Good morning! Sharing the slides in a second.',
      ),
    );
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    // Shift+Enter from the first match wraps round to the last.
    await waitFor(() => expect(count).toHaveTextContent('3 of 3 matches'));
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-highlighted]')).toHaveTextContent(
        'Here is the report we talked about.',
      ),
    );

    // Combined with a participant, a type, pinned only.
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Participant' }),
      'Grace Hopper',
    );
    await waitFor(() => expect(count).toHaveTextContent('1 of 11 messages'));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Pinned only' }));
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(1));
    await expect(articles(canvasElement)[0]).toHaveAttribute('data-state', 'pinned');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Pinned only' }));
    await userEvent.clear(search);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Type' }), 'image');
    await waitFor(() => expect(count).toHaveTextContent('1 of 11 messages'));

    // Back to no filter: the whole list.
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Type' }), '');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Participant' }), '');
    await waitFor(() => expect(count).toHaveTextContent('11 of 11 messages'));
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));

    // Escape (here from the participant picker) closes the bar and returns to its button; a
    // filter still set no longer narrows the list.
    await userEvent.type(search, 'flag');
    await waitFor(() => expect(count).toHaveTextContent('1 of 11 messages'));
    canvas.getByRole('combobox', { name: 'Participant' }).focus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('search')).toBeNull());
    await expect(canvas.getByRole('button', { name: 'Filter' })).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Filter' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await waitFor(() => expect(articles(canvasElement).length).toBeGreaterThan(3));
  },
};

/** The chat of the story being played (set by its `setup`), so the play can make others write. */
let played: LocalChat | undefined;

/** With the filter open, a new message that matches joins the list; one that does not stays out. */
export const LiveArrivals: Story = {
  parameters: {
    natter: natter({
      history: sampleHistory(),
      setup: (chat) => {
        played = chat;
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await openFilter(canvasElement), 'flag');
    await waitFor(() =>
      expect(within(canvas.getByRole('search')).getByRole('status')).toHaveTextContent(
        '1 of 11 messages',
      ),
    );
    played?.simulate.receive({ userId: 'u-ada', text: 'Is the flag on?' });
    played?.simulate.receive({ userId: 'u-ada', text: 'Lunch?' });
    await waitFor(() =>
      expect(within(canvas.getByRole('search')).getByRole('status')).toHaveTextContent(
        '2 of 13 messages',
      ),
    );
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(2));
    await expect(canvas.queryByText('Lunch?')).toBeNull();
  },
};

/** Every time as "+mm:ss" from the meeting's start (here its first message). */
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
    await expect(articles(canvasElement).at(-2)?.querySelector('time')).toHaveAttribute(
      'title',
      expect.stringMatching(/^\+18:00 after the meeting started, /),
    );
  },
};

async function dump(): Promise<{ dump: DumpMessage[] }> {
  const csv = await toChatDumpCsv(sampleHistory(), { sessionId: 's-1', meetingId: 'm-1' });
  return { dump: (await parseChatDump(csv)).messages };
}

/** The same filter in the replay, with meeting-relative times. */
export const Replay: StoryObj<typeof ReplayView> = {
  loaders: [dump],
  render: (_args, { loaded }) => (
    <ReplayView messages={loaded.dump as DumpMessage[]} timeFormat="meeting" />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const count = within(canvas.getByRole('search')).getByRole('status');
    await waitFor(() => expect(count).toHaveTextContent('11 of 11 messages'));
    await waitFor(() =>
      expect(articles(canvasElement)[0]?.querySelector('.natter-time__relative')).toHaveTextContent(
        '+0:00',
      ),
    );
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search messages' }));
    await userEvent.keyboard('slide');
    await waitFor(() => expect(count).toHaveTextContent('1 of 11 messages'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(count).toHaveTextContent('1 of 1 matches'));
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-highlighted]')).toHaveTextContent(
        'Sharing the slides',
      ),
    );
  },
};
