import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import type { ReplayConfig } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { DownloadChatButton } from './DownloadChatButton';

const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function makeChat() {
  const chat = createLocalChat({ seed: 11, latencyMs: 1, history: 0 });
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: chat.self.userId });
  const stop = store.subscribe(() => undefined);
  const sent = chat.simulate.receive({
    userId: 'user-ada',
    displayName: 'Ada',
    text: 'hello, "world"',
  });
  await waitFor(() => expect(store.getState().byId.has(sent.id)).toBe(true));
  stop();
  return { chat, messageId: sent.id };
}

/** Captures what `saveBlob` hands to the blob + hidden anchor trick. */
function spySave() {
  const blobs: Blob[] = [];
  const anchors: HTMLAnchorElement[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:natter-test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    anchors.push(this);
  });
  return { blobs, anchors };
}

/** jsdom's Blob has no `text()`: read it as the browser would. */
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('nothing was saved'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function renderButton(chat: LocalChat, replay?: ReplayConfig) {
  return render(
    <ChatProvider chat={chat} selfUserId={chat.self.userId} replay={replay}>
      <DownloadChatButton />
    </ChatProvider>,
  );
}

/**
 * A CSV body streamed in two halves; the second waits for `release()`. Like a real `fetch`, an
 * abort of the request's signal errors the body.
 */
function streamedCsv(csv: string) {
  const bytes = new TextEncoder().encode(csv);
  const half = Math.floor(bytes.length / 2);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const respond = (signal: AbortSignal | null | undefined) => {
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        signal?.addEventListener('abort', () => controller.error(signal.reason));
        controller.enqueue(bytes.slice(0, half));
        await gate;
        if (signal?.aborted) return;
        controller.enqueue(bytes.slice(half));
        controller.close();
      },
    });
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'text/csv', 'Content-Length': String(bytes.length) },
    });
  };
  return { respond, release: () => release() };
}

const link = () =>
  new Response(
    JSON.stringify({
      url: 'https://storage.example/chat.csv?sig=1',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );
const DUMP = `${HEADER}\r\nm1,u1,sess-9,meet-1,Grace,false,false,TEXT_MESSAGE,from the dump,2026-01-01T10:00:00.000Z\r\n`;

const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** `<stem> <today>.csv`, and yesterday's name too in the first minute after midnight. */
const datedNames = (stem: string) => {
  const now = new Date();
  const minuteAgo = new Date(now.getTime() - 60_000);
  return [...new Set([dayOf(now), dayOf(minuteAgo)])].map((day) => `${stem} ${day}.csv`);
};

describe('DownloadChatButton', () => {
  it('without a replay endpoint saves the live messages, named after the meeting and date', async () => {
    const { chat, messageId } = await makeChat();
    const { blobs, anchors } = spySave();
    const user = userEvent.setup();
    const { container } = render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <DownloadChatButton sessionId="sess-live" meetingId="meet-1" meetingName="Weekly sync" />
      </ChatProvider>,
    );
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Download chat' }));

    await waitFor(() => expect(anchors).toHaveLength(1));
    // Not `chat-<uuid>.csv`: a name a person recognises in their downloads folder.
    expect(datedNames('Weekly sync chat')).toContain(anchors[0]?.download);
    expect(anchors[0]?.href).toBe('blob:natter-test/1');
    const text = await readBlob(blobs[0]);
    const lines = text?.split('\r\n') ?? [];
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toContain(`${messageId},user-ada,sess-live,meet-1,Ada,`);
    expect(lines[1]).toContain('"hello, ""world"""');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Chat downloaded'));
    expect(document.querySelector('a[download]')).toBeNull(); // the anchor was removed
  });

  it('with a replay endpoint shows progress and a Cancel button, then saves the dump', async () => {
    const { chat } = await makeChat();
    const { blobs, anchors } = spySave();
    const stream = streamedCsv(DUMP);
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith('/api/replay') ? link() : stream.respond(init?.signal),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { container } = renderButton(chat, { endpoint: '/api/replay', sessionId: 'sess-9' });
    await user.click(screen.getByRole('button', { name: 'Download chat' }));

    // Half the bytes have arrived; the rest waits.
    const busy = await screen.findByRole('button', { name: /Downloading… (4\d|50)%/ });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    const bar = screen.getByRole('progressbar', { name: 'Download progress' });
    expect(Number(bar.getAttribute('value'))).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Cancel download' })).not.toBeNull();
    await expectNoAxeViolations(container);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/replay?sessionId=sess-9');

    stream.release();
    await waitFor(() => expect(anchors).toHaveLength(1));
    expect(datedNames('Chat')).toContain(anchors[0]?.download);
    expect(await readBlob(blobs[0])).toBe(DUMP);
    const idle = screen.getByRole('button', { name: 'Download chat' });
    expect(idle.hasAttribute('aria-busy')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Cancel download' })).toBeNull();
  });

  it('cancels a download under way and returns focus to the button', async () => {
    const { chat } = await makeChat();
    const { anchors } = spySave();
    const stream = streamedCsv(DUMP);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).startsWith('/api/replay') ? link() : stream.respond(init?.signal),
      ),
    );
    const user = userEvent.setup();
    renderButton(chat, { endpoint: '/api/replay', sessionId: 'sess-9' });
    await user.click(screen.getByRole('button', { name: 'Download chat' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel download' }));
    const button = await screen.findByRole('button', { name: 'Download chat' });
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('alert').textContent).toBe('');
    stream.release();
    expect(anchors).toHaveLength(0);
  });

  it('shows a clear error when the endpoint answers 500, and Retry succeeds', async () => {
    const { chat } = await makeChat();
    const { blobs, anchors } = spySave();
    let endpointCalls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        if (String(input).startsWith('/api/replay')) {
          endpointCalls++;
          return endpointCalls === 1
            ? new Response(JSON.stringify({ error: { code: 'upstream-error' } }), { status: 500 })
            : link();
        }
        return new Response(DUMP, { status: 200, headers: { 'Content-Type': 'text/csv' } });
      }),
    );
    const user = userEvent.setup();
    const { container } = renderButton(chat, { endpoint: '/api/replay', sessionId: 'sess-9' });
    await user.click(screen.getByRole('button', { name: 'Download chat' }));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Download failed: The chat service did not provide a download link. Retry later.',
      ),
    );
    await expectNoAxeViolations(container);
    expect(anchors).toHaveLength(0);
    // One way to try again: the button itself says Retry (no "Download chat" beside a "Retry");
    // the export options stay at hand (another choice may not need the endpoint).
    expect(screen.getAllByRole('button').map((b) => b.textContent || b.ariaLabel)).toEqual([
      'Retry',
      'Export options',
    ]);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(anchors).toHaveLength(1));
    expect(await readBlob(blobs[0])).toBe(DUMP);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
