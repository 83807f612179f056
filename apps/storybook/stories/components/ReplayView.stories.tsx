import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { parseChatDump, toChatDumpCsv } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { DumpMessage, Message } from '@natter/core';
import { ReplayView } from '@natter/ui';
import { natter } from '../decorators';
import { NOW, PEOPLE, expectNoUnsafeMarkup, hostileHistory } from '../fixtures';

const DUMP_OPTIONS = { sessionId: 'session-42', meetingId: 'meeting-7' };

/** A meeting's worth of seeded history, as the Replay API would export it. */
function meetingHistory(count: number): Message[] {
  // Not disposed: its image links (object URLs) must outlive the loader.
  const chat = createLocalChat({
    seed: 7,
    history: count,
    now: NOW,
    self: PEOPLE.self,
    participants: [PEOPLE.ada, PEOPLE.grace, PEOPLE.amal, PEOPLE.noa],
    capabilities: { fetchMessages: false, dyteQueries: false },
  });
  return chat.messages;
}

/** Writes `messages` as a chat-dump CSV and reads it back, as an app replaying a dump does. */
async function dumpOf(messages: Message[]): Promise<{ dump: DumpMessage[] }> {
  const csv = await toChatDumpCsv(messages, DUMP_OPTIONS);
  const { messages: dump } = await parseChatDump(csv);
  return { dump };
}

const meta = {
  title: 'Components/ReplayView',
  component: ReplayView,
  argTypes: { messages: { control: false } },
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `A chat dump (the Chat Replay API's CSV) shown read-only with the same list as a live chat, with filters by participant and type, text search with highlighted matches, and pinned-only. Give it parsed \`messages\`, or let the reader open a \`.csv\` with its file input.

\`\`\`tsx
const { load } = useChatExport();
const [dump, setDump] = useState<DumpMessage[]>();
<button onClick={async () => setDump((await load()).messages)}>Replay</button>
{dump && <ReplayView messages={dump} />}
\`\`\``,
      },
    },
  },
  decorators: [
    (Story) => (
      <div className="story-parts story-replay-frame">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ReplayView>;
export default meta;
type Story = StoryObj<typeof meta>;

const csvFile = async (messages: Message[], extra = '') =>
  new File([(await toChatDumpCsv(messages, DUMP_OPTIONS)) + extra], 'chat-session-42.csv', {
    type: 'text/csv',
  });

/** A dump of 300 messages: filter by participant, search (matches highlighted), pinned only. */
export const Replay: Story = {
  loaders: [async () => dumpOf(meetingHistory(300))],
  render: (args, { loaded }) => (
    <ReplayView
      {...args}
      messages={loaded.dump as DumpMessage[]}
      viewerUserId={PEOPLE.self.userId}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const count = canvas.getByRole('status');
    await waitFor(() => expect(count).toHaveTextContent('300 of 300 messages'));
    const log = canvas.getByRole('log');
    const rendered = () => [...log.querySelectorAll('article')];

    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Participant' }),
      'Grace Hopper',
    );
    await waitFor(() => expect(count).not.toHaveTextContent('300 of 300'));
    await waitFor(() => expect(rendered().length).toBeGreaterThan(0));
    for (const article of rendered()) {
      await expect(article.querySelector('.natter-sender')).toHaveTextContent('Grace Hopper');
    }

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search messages' }), 'thursday');
    await waitFor(() => expect(count).toHaveTextContent('6 of 300 messages'));
    await waitFor(() => expect(rendered()).toHaveLength(6));
    for (const article of rendered()) {
      await expect(article).toHaveAttribute('data-kind', 'text');
      await expect(article.querySelector('.natter-sender')).toHaveTextContent('Grace Hopper');
      await expect(article.querySelector('mark')?.textContent?.toLowerCase()).toBe('thursday');
    }

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Participant' }), '');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Type' }), 'image');
    await waitFor(() => expect(count).toHaveTextContent(/^0 of 300/));
    await expect(canvas.getByText('No messages match the filters.')).toBeVisible();
    await expect(rendered()).toHaveLength(0);

    await userEvent.clear(canvas.getByRole('searchbox', { name: 'Search messages' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Pinned only' }));
    await waitFor(() => expect(rendered().length).toBeGreaterThan(0));
    await expect(count).toHaveTextContent('1 of 300 messages');
    for (const article of rendered()) {
      await expect(article).toHaveAttribute('data-kind', 'image');
      await expect(article).toHaveAttribute('data-state', 'pinned');
    }
  },
};

/** Open a `.csv` export with the file input; a malformed row is counted, not fatal. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const file = await csvFile(
      meetingHistory(40),
      'not-a-row,,,,,,,,TEXT_MESSAGE,hello,yesterday\r\n',
    );
    await userEvent.upload(canvas.getByLabelText('Open a chat export (.csv)'), file);
    await waitFor(() => expect(canvas.getByText('1 row could not be read.')).toBeVisible());
    await waitFor(() => expect(canvas.getByText('40 of 40 messages')).toBeVisible());
  },
};

/** Before a file is opened. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Open a chat export (.csv)')).toBeVisible();
  },
};

/** A file that is not a chat dump: a clear error. */
export const Failed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(
      canvas.getByLabelText('Open a chat export (.csv)'),
      new File(['name,age\r\nAda,36\r\n'], 'people.csv', { type: 'text/csv' }),
    );
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(/^The chat export could not be read: /),
    );
  },
};

/** Hostile rows survive the CSV round trip as inert text. */
export const HostileInput: Story = {
  loaders: [async () => dumpOf(hostileHistory())],
  render: (args, { loaded }) => <ReplayView {...args} messages={loaded.dump as DumpMessage[]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('A plugin message')).toBeInTheDocument());
    // One change, not six keystrokes: each re-filters a 100 000-character message.
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search messages' }));
    await userEvent.paste('script');
    await waitFor(() => expect(canvasElement.querySelectorAll('mark').length).toBeGreaterThan(0));
    await expectNoUnsafeMarkup(canvasElement);
  },
};

export const RTL: Story = {
  globals: { dir: 'rtl' },
  loaders: [async () => dumpOf(meetingHistory(60))],
  render: (args, { loaded }) => <ReplayView {...args} messages={loaded.dump as DumpMessage[]} />,
};
