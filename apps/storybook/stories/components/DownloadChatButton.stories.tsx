import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DownloadChatButton } from '@natter/ui';
import { natter } from '../decorators';
import { captureDownloads, expectChatCsv, sampleHistory } from '../fixtures';
import { replayHandlers } from '../replayApi';
import type { ReplayScenario } from '../replayApi';

const HISTORY = sampleHistory();

const meta = {
  title: 'Components/DownloadChatButton',
  component: DownloadChatButton,
  parameters: {
    natter: natter({ history: HISTORY }),
    docs: {
      description: {
        component: `Downloads the session's chat as CSV, through the Chat Replay API behind your app's endpoint (an expired or refused signed link is refreshed once), or the live messages when no endpoint is configured. Progress with Cancel while it runs, the reason and Retry when it fails.

\`\`\`tsx
<ChatProvider chat={meeting.chat} replay={{ endpoint: '/api/chat-replay', sessionId }}>
  <DownloadChatButton filename={\`chat-\${meetingTitle}.csv\`} />
</ChatProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof DownloadChatButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The Replay API (served by MSW) answering with `scenario`, the dump holding `HISTORY`. */
const replayApi = (scenario: ReplayScenario): Pick<Story, 'parameters' | 'beforeEach'> => ({
  parameters: { natter: natter({ history: HISTORY, replay: true }) },
  beforeEach({ msw }) {
    msw.use(...replayHandlers(() => HISTORY, scenario));
  },
});

/** Through the Replay API: click, and a CSV with the documented header and every message is saved. */
export const Default: Story = {
  ...replayApi('ok'),
  args: { meetingName: 'Weekly sync' },
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Download chat' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      // Named after the meeting and the day, not chat-<uuid>.csv.
      await expect(capture.saved[0]?.name).toMatch(/^Weekly sync chat \d{4}-\d{2}-\d{2}\.csv$/);
      const rows = await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
      await expect(rows.map((m) => m.id)).toEqual(HISTORY.map((m) => m.id));
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Chat downloaded'));
    } finally {
      capture.restore();
    }
  },
};

/** No Replay API configured: the live messages are written in the same CSV format. */
export const LiveExport: Story = {
  args: { filename: 'standup.csv' },
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      await userEvent.click(within(canvasElement).getByRole('button', { name: 'Download chat' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      await expect(capture.saved[0]?.name).toBe('standup.csv');
      await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
    } finally {
      capture.restore();
    }
  },
};

/** The first signed link has already expired: it is refreshed once and the download succeeds. */
export const ExpiredLink: Story = {
  ...replayApi('expired-then-ok'),
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      await userEvent.click(within(canvasElement).getByRole('button', { name: 'Download chat' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
      await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('');
    } finally {
      capture.restore();
    }
  },
};

/** Storage answers 403 even to a refreshed link: the reason and Retry (which fails again). */
export const Failed: Story = {
  ...replayApi('forbidden'),
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Download chat' }));
      await waitFor(() =>
        expect(canvas.getByRole('alert')).toHaveTextContent(/^Download failed: /),
      );
      const retry = canvas.getByRole('button', { name: 'Retry' });
      await userEvent.click(retry);
      await waitFor(() =>
        expect(canvas.getByRole('alert')).toHaveTextContent(/^Download failed: /),
      );
      await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
      await expect(capture.saved).toHaveLength(0);
    } finally {
      capture.restore();
    }
  },
};

/** Refused twice, then served: Retry recovers and the CSV is saved. */
export const RetryAfterForbidden: Story = {
  ...replayApi('forbidden-then-ok'),
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Download chat' }));
      await waitFor(() =>
        expect(canvas.getByRole('alert')).toHaveTextContent(/^Download failed: /),
      );
      await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(capture.saved).toHaveLength(1));
      await expectChatCsv(capture.saved[0]!.blob, HISTORY.length);
      await expect(canvas.getByRole('alert')).toHaveTextContent('');
      await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    } finally {
      capture.restore();
    }
  },
};

/** The app's endpoint fails (502): its message is shown. */
export const EndpointError: Story = {
  ...replayApi('endpoint-error'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Download chat' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/^Download failed: /));
  },
};

/** A slow download shows progress and can be cancelled. */
export const Slow: Story = {
  ...replayApi('slow'),
  play: async ({ canvasElement }) => {
    const capture = captureDownloads();
    try {
      const canvas = within(canvasElement);
      const button = canvas.getByRole('button', { name: 'Download chat' });
      await userEvent.click(button);
      await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
      await expect(canvas.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
      await userEvent.click(canvas.getByRole('button', { name: 'Cancel download' }));
      await waitFor(() => expect(button).not.toHaveAttribute('aria-busy'));
      await expect(button).toHaveFocus();
      await expect(capture.saved).toHaveLength(0);
    } finally {
      capture.restore();
    }
  },
};

export const RTL: Story = { globals: { dir: 'rtl', locale: 'fr' } };
