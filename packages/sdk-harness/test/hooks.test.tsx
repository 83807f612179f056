/**
 * Natter's hooks over the REAL `meeting.chat` objects (RealtimeKit 2.0.2, Dyte 3.1.11), offline.
 * These are the behaviours users notice: history on join, remote add/edit/delete/pin/unpin, and an
 * own send reconciled with the server's echo (no duplicate, no stuck pending entry).
 */
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseChatStore } from '@natter/core';
import type { ChatLike } from '@natter/core';
import { ChatProvider, useChat, usePinned } from '@natter/hooks';
import { createDyteHarness } from '../src/createDyteHarness';
import { createRealtimeKitHarness } from '../src/createRealtimeKitHarness';
import type { Harness, HarnessOptions } from '../src/harnessTypes';

type AnyHarness = Harness<unknown, unknown>;
const REMOTE = { userId: 'remote-user', displayName: 'Remote' };
const HISTORY = [
  { ...REMOTE, id: 'h1', text: 'from before you joined', time: new Date('2026-01-01T09:00:00Z') },
  { ...REMOTE, id: 'h2', text: 'second old message', time: new Date('2026-01-01T09:01:00Z') },
];

const SDKS: { name: string; create: (o?: HarnessOptions) => Promise<AnyHarness> }[] = [
  { name: 'RealtimeKit 2.0.2', create: (o) => createRealtimeKitHarness(o) as Promise<AnyHarness> },
  { name: 'Dyte 3.1.11', create: (o) => createDyteHarness(o) as Promise<AnyHarness> },
];

const open: AnyHarness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    releaseChatStore(h.chat as ChatLike);
    await h.dispose();
  }
});

function texts(messages: readonly { type: string; message?: string }[]): string[] {
  return messages.map((m) => (m.type === 'text' ? (m.message ?? '') : m.type));
}

describe.each(SDKS)('useChat and usePinned over the real $name chat', ({ create }) => {
  async function setup() {
    const h = await create({ history: HISTORY });
    open.push(h);
    const chat = h.chat as ChatLike;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ChatProvider chat={chat} selfUserId={h.self.userId} selfDisplayName={h.self.displayName}>
        {children}
      </ChatProvider>
    );
    const hook = renderHook(() => ({ chat: useChat(), pins: usePinned() }), { wrapper });
    await waitFor(() => expect(hook.result.current.chat.isReady).toBe(true));
    return { h, ...hook };
  }

  it('shows the history loaded on join', async () => {
    const { result } = await setup();
    await waitFor(() =>
      expect(texts(result.current.chat.messages)).toEqual([
        'from before you joined',
        'second old message',
      ]),
    );
  });

  it('shows remote adds, edits and deletes, although the SDK mutates its array in place', async () => {
    const { h, result } = await setup();
    const { id } = await act(() =>
      h.server.remote.sendText({ ...REMOTE, text: 'hello from remote' }),
    );
    await waitFor(() => expect(texts(result.current.chat.messages)).toContain('hello from remote'));
    await act(() => h.server.remote.edit(id, 'edited remotely'));
    await waitFor(() => expect(texts(result.current.chat.messages)).toContain('edited remotely'));
    expect(result.current.chat.messages.find((m) => m.id === id)?.isEdited).toBe(true);
    await act(() => h.server.remote.delete(id));
    await waitFor(() => expect(result.current.chat.messages.map((m) => m.id)).not.toContain(id));
  });

  it('reconciles an own send with the echo: shown at once, then exactly once as sent', async () => {
    const { result } = await setup();
    let sending: Promise<unknown> = Promise.resolve();
    act(() => {
      sending = result.current.chat.sendText('my own words');
    });
    expect(result.current.chat.messages.at(-1)?.status).toBe('sending');
    await act(() => sending);
    const mine = result.current.chat.messages.filter(
      (m) => m.type === 'text' && m.message === 'my own words',
    );
    expect(mine.map((m) => m.status)).toEqual(['sent']);
    expect(result.current.chat.isSending).toBe(false);
  });

  it('does not take a redelivered own message as the confirmation of a pending send with the same text', async () => {
    const { h, result } = await setup();
    const first = await act(() => result.current.chat.sendText('ok'));
    h.server.holdSends();
    let second: Promise<unknown> = Promise.resolve();
    let settled = false;
    act(() => {
      second = result.current.chat.sendText('ok').then(() => (settled = true));
    });
    const key = result.current.chat.messages.at(-1)?.clientKey;
    const emitted = await act(() => h.server.redeliver(first.id));
    expect(emitted.some((e) => e.name === 'chatUpdate')).toBe(true);
    await act(() => Promise.resolve());
    expect(settled).toBe(false);
    const oks = () =>
      result.current.chat.messages.filter((m) => m.type === 'text' && m.message === 'ok');
    expect(oks().map((m) => m.status)).toEqual(['sent', 'sending']);
    expect(oks()[1]?.clientKey).toBe(key);
    await act(() => {
      h.server.releaseSends();
      return second;
    });
    expect(oks().map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(oks()[1]?.clientKey).toBe(key);
    expect(oks()[1]?.id).not.toBe(first.id);
  });

  it('outside a provider, never takes a remote message with the same text as our echo', async () => {
    const h = await create({ history: HISTORY });
    open.push(h);
    const chat = h.chat as ChatLike;
    // The first to touch the chat is a hook without a provider: the store does not know self.
    const bare = renderHook(() => useChat({ chat }));
    await waitFor(() => expect(bare.result.current.isReady).toBe(true));
    h.server.holdSends();
    let sending: Promise<{ id: string; userId: string }> = Promise.resolve({ id: '', userId: '' });
    act(() => {
      sending = bare.result.current.sendText('same words');
    });
    const key = bare.result.current.messages.at(-1)?.clientKey;
    await act(() => h.server.remote.sendText({ ...REMOTE, text: 'same words' }));
    const rows = () =>
      bare.result.current.messages.filter((m) => m.type === 'text' && m.message === 'same words');
    expect(rows().map((m) => [m.userId, m.status])).toEqual([
      ['', 'sending'],
      [REMOTE.userId, 'sent'],
    ]);
    expect(rows()[0]?.clientKey).toBe(key);
    // A provider that knows self mounts later; the store learns self, and the echo confirms.
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ChatProvider chat={chat} selfUserId={h.self.userId}>
        {children}
      </ChatProvider>
    );
    renderHook(() => useChat(), { wrapper });
    const mine = await act(() => {
      h.server.releaseSends();
      return sending;
    });
    expect(mine.userId).toBe(h.self.userId);
    expect(
      rows()
        .map((m) => `${m.userId}:${m.status}`)
        .sort(),
    ).toEqual([`${REMOTE.userId}:sent`, `${h.self.userId}:sent`].sort());
    expect(rows().find((m) => m.userId === h.self.userId)?.clientKey).toBe(key);
  });

  it('shows remote pins and unpins, and pins through the SDK', async () => {
    const { h, result } = await setup();
    await act(() => h.server.remote.pin('h1'));
    await waitFor(() => expect(result.current.pins.pinned.map((m) => m.id)).toEqual(['h1']));
    await act(() => h.server.remote.unpin('h1'));
    await waitFor(() => expect(result.current.pins.pinned).toEqual([]));
    await act(() => result.current.pins.pin('h2'));
    await waitFor(() => expect(result.current.pins.pinned.map((m) => m.id)).toEqual(['h2']));
  });
});

describe('why this kit exists', () => {
  it('useChat re-renders on a remote edit and delete; useRealtimeKitSelector(m => m.chat.messages) does not', async () => {
    const h = (await createRealtimeKitHarness({ history: HISTORY })) as AnyHarness;
    open.push(h);
    // Imported after the harness loaded the SDK (it imports @cloudflare/realtimekit itself).
    const { RealtimeKitProvider, useRealtimeKitSelector } =
      await import('@cloudflare/realtimekit-react');
    type Meeting = Parameters<typeof RealtimeKitProvider>[0]['value'];

    function Theirs() {
      const messages = useRealtimeKitSelector((m) => m.chat.messages);
      return (
        <p data-testid="theirs">
          {texts(messages as { type: string; message?: string }[]).join(' | ')}
        </p>
      );
    }
    function Ours() {
      const { messages } = useChat();
      return <p data-testid="ours">{texts(messages).join(' | ')}</p>;
    }
    render(
      <RealtimeKitProvider value={h.meeting as Meeting}>
        <ChatProvider chat={h.chat as ChatLike} selfUserId={h.self.userId}>
          <Ours />
          <Theirs />
        </ChatProvider>
      </RealtimeKitProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('ours').textContent).toContain('second old message'),
    );
    const { id } = await act(() => h.server.remote.sendText({ ...REMOTE, text: 'typo' }));
    await waitFor(() => expect(screen.getByTestId('theirs').textContent).toContain('typo'));

    await act(() => h.server.remote.edit(id, 'fixed'));
    await waitFor(() => expect(screen.getByTestId('ours').textContent).toContain('fixed'));
    expect(screen.getByTestId('theirs').textContent).toContain('typo');
    expect(screen.getByTestId('theirs').textContent).not.toContain('fixed');

    await act(() => h.server.remote.delete(id));
    await waitFor(() => expect(screen.getByTestId('ours').textContent).not.toContain('fixed'));
    expect(screen.getByTestId('theirs').textContent).toContain('typo');
  });
});
