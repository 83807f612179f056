import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import type { Message } from '@natter/core';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalChat, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider, EVERYONE, useConversations, useUnreadCount } from './index';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

const people = [
  { userId: 'u-ana', displayName: 'Ana', peerId: 'p-ana' },
  { userId: 'u-bo', displayName: 'Bo', peerId: 'p-bo' },
];

function setup(options: LocalMeetingOptions = {}) {
  const meeting = createLocalMeeting({ participants: people, ...options });
  chats.push(meeting.chat);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider meeting={meeting}>{children}</ChatProvider>
  );
  return { meeting, ...renderHook(() => useConversations(), { wrapper }) };
}

/** The texts of the listed ids, as the store holds them. */
const texts = (
  meeting: { chat: LocalChat },
  ids: { length: number; at(i: number): string | undefined },
) =>
  Array.from({ length: ids.length }, (_, i) => {
    const m = getChatStore(meeting.chat)
      .getState()
      .byId.get(ids.at(i) ?? '');
    return m?.type === 'text' ? m.message : undefined;
  });

function text(
  id: string,
  userId: string,
  message: string,
  timeMs: number,
  to: string[] = [],
): Message {
  return {
    id,
    type: 'text',
    userId,
    displayName: userId,
    time: new Date(timeMs),
    timeMs,
    message,
    isEdited: false,
    pinned: false,
    targetUserIds: to,
  };
}

describe('useConversations', () => {
  it('files each private message under the other person, keeps them out of Everyone, counts unread', async () => {
    const { meeting, result } = setup();
    expect(result.current.conversations.map((c) => c.key)).toEqual([EVERYONE]);
    act(() => {
      meeting.chat.simulate.receive({ userId: 'u-bo', text: 'hello all' });
      meeting.chat.simulate.receive({ userId: 'u-ana', text: 'just for you', private: true });
    });
    await waitFor(() => expect(result.current.conversations).toHaveLength(2));
    const [everyone, ana] = result.current.conversations;
    expect(ana?.key).toBe('u-ana');
    expect(texts(meeting, everyone!.ids)).toEqual(['hello all']);
    expect(texts(meeting, ana!.ids)).toEqual(['just for you']);
    // Read in Everyone: Ana's message is unread until her conversation is opened.
    expect(ana?.unread).toBe(1);
    expect(everyone?.unread).toBe(0);
    act(() => result.current.setActive('u-ana'));
    expect(result.current.active).toBe('u-ana');
    expect(result.current.current.unread).toBe(0);
    // A public message while Ana's conversation is open: Everyone has one unread.
    act(() => void meeting.chat.simulate.receive({ userId: 'u-bo', text: 'anyone?' }));
    await waitFor(() => expect(result.current.conversations[0]?.unread).toBe(1));
    // An own private send goes to Ana's conversation, not Everyone's.
    await act(() => meeting.chat.sendTextMessage('reply to Ana', ['p-ana']));
    await waitFor(() =>
      expect(texts(meeting, result.current.current.ids)).toEqual(['just for you', 'reply to Ana']),
    );
    expect(texts(meeting, result.current.conversations[0]!.ids)).toEqual(['hello all', 'anyone?']);
  });

  it('opening a conversation fetches its history with fetchPrivateMessages', async () => {
    const start = Date.now() - 60_000;
    const history = [
      text('m1', 'u-ana', 'old secret', start, ['u-ana', 'user-self']),
      text('m2', 'u-bo', 'old public', start + 1000),
    ];
    // Nothing lands in `messages` on join: RealtimeKit's paged history (public pages only).
    const { meeting, result } = setup({ history, joinHistoryLimit: 0 });
    await waitFor(() => expect(texts(meeting, result.current.current.ids)).toEqual(['old public']));
    expect(result.current.conversations).toHaveLength(1);
    act(() => result.current.setActive('u-ana'));
    await waitFor(() => expect(texts(meeting, result.current.current.ids)).toEqual(['old secret']));
    // Everyone stays public.
    expect(texts(meeting, result.current.conversations[0]!.ids)).toEqual(['old public']);
  });

  it('useUnreadCount counts others’ messages while the chat is not read, never history or own', async () => {
    const start = Date.now() - 60_000;
    const meeting = createLocalMeeting({
      participants: people,
      history: [text('h1', 'u-bo', 'from before', start)],
    });
    chats.push(meeting.chat);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ChatProvider meeting={meeting}>{children}</ChatProvider>
    );
    const { result, rerender } = renderHook(
      ({ isRead }: { isRead: boolean }) => useUnreadCount({ isRead }),
      { wrapper, initialProps: { isRead: false } },
    );
    await waitFor(() => expect(getChatStore(meeting.chat).getState().status).toBe('ready'));
    expect(result.current.count).toBe(0);
    await act(() => meeting.chat.sendTextMessage('mine'));
    act(() => {
      meeting.chat.simulate.receive({ userId: 'u-bo', text: 'one' });
      meeting.chat.simulate.receive({ userId: 'u-ana', text: 'two', private: true });
    });
    await waitFor(() => expect(result.current.count).toBe(2));
    // The panel opens: read.
    rerender({ isRead: true });
    expect(result.current.count).toBe(0);
    rerender({ isRead: false });
    expect(result.current.count).toBe(0);
    act(() => void meeting.chat.simulate.receive({ userId: 'u-bo', text: 'three' }));
    await waitFor(() => expect(result.current.count).toBe(1));
    act(() => result.current.markRead());
    expect(result.current.count).toBe(0);
  });
});
