import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import type { Message } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { NO_FILTER } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { useMessageFilter } from '../MessageFilter/useMessageFilter';
import { getMissedTracker } from './missedTracker';
import { useMissedSummary } from './useMissedSummary';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

// Noon, 2 March 2026 (UTC): fixed instants, whatever the hour the test runs.
const T0 = Date.UTC(2026, 2, 2, 12, 0);
function msg(i: number, userId: string, over: Partial<Message> = {}): Message {
  return {
    id: `h${i}`,
    type: 'text',
    userId,
    displayName: userId === 'u-ada' ? 'Ada' : userId === 'u-bob' ? 'Bob' : userId,
    time: new Date(T0 + i * 60_000),
    timeMs: T0 + i * 60_000,
    message: `history ${i}`,
    ...over,
  } as Message;
}

function setup(history: Message[]) {
  const chat = createLocalChat({
    history,
    latencyMs: 0,
    now: new Date(T0 + 3_600_000),
    self: { userId: 'u-me', displayName: 'Me' },
  });
  chats.push(chat);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider chat={chat} selfUserId="u-me">
      {children}
    </ChatProvider>
  );
  return { chat, wrapper };
}

describe('useMissedSummary', () => {
  it('summarises the history a late joiner finds: count, senders most first, pins and files', async () => {
    const { wrapper } = setup([
      msg(1, 'u-ada'),
      msg(2, 'u-bob', { pinned: true }),
      msg(3, 'u-me'),
      msg(4, 'u-bob', {
        type: 'file',
        link: 'https://x.test/a.pdf',
        name: 'a.pdf',
        size: 9,
      } as Partial<Message>),
      msg(5, 'u-bob'),
    ]);
    const { result } = renderHook(() => useMissedSummary(), { wrapper });
    await waitFor(() => expect(result.current.summary).not.toBeNull());
    const s = result.current.summary!;
    expect(result.current.kind).toBe('joined');
    // Own messages never count.
    expect(s.count).toBe(4);
    expect(s.firstId).toBe('h1');
    expect(s.senders).toEqual([
      { userId: 'u-bob', name: 'Bob', count: 3 },
      { userId: 'u-ada', name: 'Ada', count: 1 },
    ]);
    expect(s.pinned.map((e) => e.id)).toEqual(['h2']);
    expect(s.files.map((e) => e.id)).toEqual(['h4']);
    act(() => result.current.dismiss());
    expect(result.current.summary).toBeNull();
  });

  it('after closing and opening again, summarises only what arrived meanwhile', async () => {
    const { chat, wrapper } = setup([msg(1, 'u-ada')]);
    const { result, rerender } = renderHook(({ isRead }) => useMissedSummary({ isRead }), {
      wrapper,
      initialProps: { isRead: true },
    });
    await waitFor(() => expect(result.current.summary?.count).toBe(1));
    act(() => result.current.dismiss());
    // Read while open: a message arriving now is seen, not missed.
    act(() => void chat.simulate.receive({ userId: 'u-ada', text: 'seen live' }));
    await waitFor(() => expect(getChatStore(chat).getState().ids.length).toBe(2));
    rerender({ isRead: false });
    act(() => {
      chat.simulate.receive({ userId: 'u-bob', text: 'while away 1' });
      chat.simulate.receive({ userId: 'u-bob', text: 'while away 2' });
    });
    await waitFor(() => expect(result.current.summary).toBeNull());
    rerender({ isRead: true });
    await waitFor(() => expect(result.current.summary?.count).toBe(2));
    expect(result.current.kind).toBe('away');
    expect(result.current.summary?.senders.map((p) => p.userId)).toEqual(['u-bob']);
  });

  it('does not summarise again for each new message after the range, only for a change inside it', async () => {
    const { chat, wrapper } = setup([msg(1, 'u-ada'), msg(2, 'u-bob')]);
    const { result } = renderHook(() => useMissedSummary(), { wrapper });
    await waitFor(() => expect(result.current.summary?.count).toBe(2));
    const store = getChatStore(chat);
    const tracker = getMissedTracker(store);
    const before = { summary: result.current.summary, revision: tracker.getState().revision };
    act(() => {
      chat.simulate.receive({ userId: 'u-ada', text: 'live 1' });
      chat.simulate.receive({ userId: 'u-bob', text: 'live 2' });
    });
    act(() => void chat.simulate.receive({ userId: 'u-bob', text: 'live 3' }));
    await waitFor(() => expect(store.getState().ids.length).toBe(5));
    // Messages after the range: the same summary object, not a new scan.
    expect(tracker.getState().revision).toBe(before.revision);
    expect(result.current.summary).toBe(before.summary);
    // A pin inside the range is a change the summary shows.
    await act(() => store.pin('h1'));
    await waitFor(() => expect(result.current.summary?.pinned.map((e) => e.id)).toEqual(['h1']));
    expect(result.current.summary?.count).toBe(2);
  });

  it('finds nothing missed in an empty chat', async () => {
    const { chat, wrapper } = setup([]);
    const { result } = renderHook(() => useMissedSummary(), { wrapper });
    act(() => void chat.simulate.receive({ userId: 'u-ada', text: 'live, while reading' }));
    await waitFor(() => expect(result.current.summary).toBeNull());
  });
});

describe('useMessageFilter', () => {
  it('narrows the live list and follows new matching messages', async () => {
    const { chat, wrapper } = setup([msg(1, 'u-ada', { message: 'Budget' }), msg(2, 'u-bob')]);
    const { result } = renderHook(
      () => useMessageFilter({ filter: { ...NO_FILTER, search: 'budget' } }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.total).toBe(2));
    expect(result.current.ids.toArray()).toEqual(['h1']);
    expect(result.current.participants).toEqual([
      { userId: 'u-ada', name: 'Ada' },
      { userId: 'u-bob', name: 'Bob' },
    ]);
    act(() => void chat.simulate.receive({ userId: 'u-bob', text: 'the budget is fine' }));
    await waitFor(() => expect(result.current.count).toBe(2));
    expect(result.current.total).toBe(3);
  });
});
