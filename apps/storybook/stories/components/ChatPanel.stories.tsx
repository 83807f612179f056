import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { replayHandlers } from '../replayApi';

/**
 * The ready panel: header with the download button, pin bar, virtualized list and composer.
 *
 * ```tsx
 * <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
 *   <ChatPanel />
 * </ChatProvider>
 * ```
 */
const meta = {
  title: 'Components/ChatPanel',
  component: ChatPanel,
  args: { canPin: true },
  parameters: { natter: natter({ history: 30 }) },
  decorators: [
    (Story) => (
      <div className="story-panel-frame">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ChatPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Pinned: Story = {
  parameters: {
    natter: natter({
      history: 30,
      setup: (chat) => {
        const ids = chat.messages.map((m) => m.id);
        chat.simulate.pin(ids[3] ?? '');
        chat.simulate.pin(ids[20] ?? '');
        chat.simulate.flush();
      },
    }),
  },
};

export const WithReplay: Story = {
  parameters: { natter: natter({ history: 30, replay: true }) },
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => []));
  },
};
