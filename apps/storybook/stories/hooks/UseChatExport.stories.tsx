import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { natter } from '../decorators';
import { captureDownloads, expectChatCsv, sampleHistory } from '../fixtures';
import { replayHandlers } from '../replayApi';
import { MinimalExport } from './MinimalExport';
import source from './MinimalExport.tsx?raw';
import { useChatExportReturns } from './returns';

const HISTORY = sampleHistory();

const meta = {
  title: 'Hooks/useChatExport',
  component: MinimalExport,
  parameters: {
    natter: natter({ history: HISTORY, replay: true }),
    docs: {
      description: {
        component: `Build your own export UI on \`useChatExport()\`: \`download()\` saves the CSV, \`load()\` parses it for a replay, and \`status\`, \`progress\` and \`error\` drive the markup. The Replay API is served by MSW here. The example below runs live over a simulated meeting; its whole source follows it (Show code).\n${useChatExportReturns}`,
      },
      source: { code: source, language: 'tsx' },
    },
  },
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => HISTORY, 'ok'));
  },
} satisfies Meta<typeof MinimalExport>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Save the CSV, then load it into a replay right here. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const capture = captureDownloads();
    try {
      await userEvent.click(canvas.getByRole('button', { name: 'Save CSV' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
    } finally {
      capture.restore();
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Replay here' }));
    await waitFor(() =>
      expect(canvas.getByText(`${HISTORY.length} of ${HISTORY.length} messages`)).toBeVisible(),
    );
  },
};

/** The link has expired: refreshed once, the CSV still arrives. */
export const ExpiredLink: Story = {
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => HISTORY, 'expired-then-ok'));
  },
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      await userEvent.click(within(canvasElement).getByRole('button', { name: 'Save CSV' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
    } finally {
      capture.restore();
    }
  },
};

/** Storage refuses (403): the error, and the buttons are usable again. */
export const Failed: Story = {
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => HISTORY, 'forbidden'));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save CSV' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toBeVisible());
    await expect(canvas.getByRole('status')).toHaveTextContent('error');
    await expect(canvas.getByRole('button', { name: 'Save CSV' })).toBeEnabled();
  },
};
