/**
 * `ChatPanel` over the REAL RealtimeKit 2.0.2 `meeting.chat`, in headless Chromium: the history the
 * harness server serves on join is rendered, and a message typed in the composer goes through
 * `meeting.chat.sendTextMessage`, reaches the server as the SDK's own protobuf request, comes back
 * as the server's broadcast, and is shown exactly once, as sent.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { releaseChatStore } from '@natter/core';
import type { ChatLike } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import '@natter/ui/styles.css';
import { createRealtimeKitHarness } from '../../src/createRealtimeKitHarness';
import type { RealtimeKitHarness } from '../../src/createRealtimeKitHarness';

const REMOTE = { userId: 'remote-user', displayName: 'Rita Remote' };
const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);
const HISTORY = [
  { ...REMOTE, id: 'h1', text: 'Welcome to the meeting', time: minutesAgo(3) },
  { ...REMOTE, id: 'h2', text: 'The agenda is in the doc', time: minutesAgo(2) },
];

let harness: RealtimeKitHarness | undefined;
afterEach(async () => {
  cleanup();
  if (harness) {
    releaseChatStore(harness.chat as ChatLike);
    await harness.dispose();
    harness = undefined;
  }
});

async function renderPanel(): Promise<RealtimeKitHarness> {
  const h = await createRealtimeKitHarness({
    self: { userId: 'self-user', displayName: 'Sam Self' },
    history: HISTORY,
  });
  harness = h;
  render(
    // The list is virtualized: it needs a box with a height to lay rows out in.
    <div style={{ height: '600px', width: '420px', display: 'flex' }}>
      <ChatProvider
        chat={h.chat as ChatLike}
        selfUserId={h.self.userId}
        selfDisplayName={h.self.displayName}
      >
        <ChatPanel />
      </ChatProvider>
    </div>,
  );
  return h;
}

/** The message row (`<article>`) of every element in the log whose text is exactly `text`. */
function rowsWithText(text: string): (HTMLElement | null)[] {
  return page
    .getByRole('log')
    .getByText(text, { exact: true })
    .elements()
    .map((el) => el.closest<HTMLElement>('article.natter-message'));
}

describe('ChatPanel over the real RealtimeKit chat, in Chromium', () => {
  it('renders the history the server served on join', async () => {
    await renderPanel();
    const log = page.getByRole('log');
    await expect.element(log.getByText('Welcome to the meeting')).toBeVisible();
    await expect.element(log.getByText('The agenda is in the doc')).toBeVisible();
    await expect.element(log.getByText('Rita Remote').first()).toBeVisible();
  });

  it('sends a typed message through meeting.chat.sendTextMessage and shows the echo once, as sent', async () => {
    const h = await renderPanel();
    const send = vi.spyOn(h.chat, 'sendTextMessage');
    const log = page.getByRole('log');
    await expect.element(log.getByText('The agenda is in the doc')).toBeVisible();

    const text = 'Hello from Chromium';
    const request = h.server.nextRequest('sendMessageToRoom');
    const composer = page.getByRole('textbox', { name: 'Message' });
    await userEvent.click(composer);
    await userEvent.type(composer, text);
    await userEvent.keyboard('{Enter}');

    // The SDK's own request, decoded with its own protobuf type, reached the harness server.
    expect((await request).request).toMatchObject({ payloadType: 0, payload: text });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toBe(text);
    await expect.element(composer).toHaveValue('');

    // The server's broadcast settles the optimistic entry: one row, sent, from self.
    await expect.poll(() => rowsWithText(text).map((row) => row?.dataset.status)).toEqual(['sent']);
    expect(rowsWithText(text)[0]?.dataset.origin).toBe('local');

    // Frames arrive in order: once a later broadcast is shown, a duplicate echo would be too.
    await h.server.remote.sendText({ ...REMOTE, text: 'Got it' });
    await expect.element(log.getByText('Got it')).toBeVisible();
    expect(rowsWithText(text)).toHaveLength(1);
    expect(h.server.received.filter((r) => r.event === 'sendMessageToRoom')).toHaveLength(1);
    expect(h.chat.messages.filter((m) => m.type === 'text' && m.message === text)).toHaveLength(1);
  });
});
