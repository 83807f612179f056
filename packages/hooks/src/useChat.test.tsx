import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { memo } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import {
  ChatProvider,
  useChat,
  useMessage,
  useMessageIds,
  useMessagesByType,
  useMessagesByUser,
} from './index';

const chats: LocalChat[] = [];
function makeChat(options: Parameters<typeof createLocalChat>[0] = {}): LocalChat {
  const chat = createLocalChat({ seed: 7, latencyMs: 1, history: 5, ...options });
  chats.push(chat);
  return chat;
}
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

const wrapper =
  (chat: LocalChat) =>
  ({ children }: { children: ReactNode }) => (
    <ChatProvider chat={chat} selfUserId={chat.self.userId} selfDisplayName={chat.self.displayName}>
      {children}
    </ChatProvider>
  );

describe('useChat', () => {
  it('throws an error naming ChatProvider when used outside one', () => {
    expect(() => renderHook(() => useChat())).toThrow(/ChatProvider/);
  });

  it('shows history, then an own send at once as pending, then once as sent after the echo', async () => {
    const chat = makeChat();
    const { result } = renderHook(() => useChat(), { wrapper: wrapper(chat) });
    await waitFor(() => expect(result.current.isReady).toBe(true));
    expect(result.current.messages).toHaveLength(5);

    let sent: Promise<unknown> = Promise.resolve();
    act(() => {
      sent = result.current.sendText('hello there');
    });
    const pending = result.current.messages.at(-1);
    expect(pending?.status).toBe('sending');
    expect(pending?.type === 'text' && pending.message).toBe('hello there');
    expect(result.current.isSending).toBe(true);

    await act(() => sent);
    const own = result.current.messages.filter(
      (m) => m.type === 'text' && m.message === 'hello there',
    );
    expect(own).toHaveLength(1);
    expect(own[0]?.status).toBe('sent');
    expect(own[0]?.id).not.toBe(pending?.id);
    expect(own[0]?.clientKey).toBe(pending?.clientKey);
    expect(result.current.isSending).toBe(false);
  });

  it('keeps a failed send as failed with the reason, and retry delivers it once', async () => {
    const chat = makeChat();
    const { result } = renderHook(() => useChat(), { wrapper: wrapper(chat) });
    await waitFor(() => expect(result.current.isReady).toBe(true));
    chat.simulate.failNext('reject', new Error('socket closed'));
    await act(async () => {
      await result.current.sendText('do not lose me').catch(() => undefined);
    });
    const failed = result.current.messages.at(-1);
    expect(failed?.status).toBe('failed');
    expect(failed?.error?.code).toBe('network');
    expect(result.current.lastError?.message).toMatch(/server|connection/i);

    await act(() => result.current.retry(failed?.id ?? ''));
    const matching = result.current.messages.filter(
      (m) => m.type === 'text' && m.message === 'do not lose me',
    );
    expect(matching.map((m) => m.status)).toEqual(['sent']);
  });

  it('rejects empty and over-long text before calling the SDK, and keeps messages referentially stable', async () => {
    const chat = makeChat({ maxTextLimit: 10 });
    const { result } = renderHook(() => useChat(), { wrapper: wrapper(chat) });
    await waitFor(() => expect(result.current.isReady).toBe(true));
    const before = result.current.messages;
    await act(async () => {
      await expect(result.current.sendText('   ')).rejects.toMatchObject({ code: 'empty' });
    });
    await act(async () => {
      await expect(result.current.sendText('x'.repeat(11))).rejects.toMatchObject({
        code: 'too-long',
      });
    });
    expect(result.current.lastError?.code).toBe('too-long');
    expect(result.current.messages).toBe(before);
  });

  it('re-renders on remote edits and deletes although the SDK mutates its array in place', async () => {
    const chat = makeChat();
    const { result } = renderHook(() => useChat(), { wrapper: wrapper(chat) });
    await waitFor(() => expect(result.current.isReady).toBe(true));
    const target = result.current.messages[2];
    act(() => {
      chat.simulate.edit(target?.id ?? '', 'edited by its author');
      chat.simulate.flush();
    });
    await waitFor(() => {
      const m = result.current.messages[2];
      expect(m?.type === 'text' && m.message).toBe('edited by its author');
    });
    act(() => {
      chat.simulate.delete(target?.id ?? '');
      chat.simulate.flush();
    });
    await waitFor(() => expect(result.current.messages.map((m) => m.id)).not.toContain(target?.id));
    expect(result.current.messages).toHaveLength(4);
  });

  it('uses an explicit chat over the provider', async () => {
    const provided = makeChat({ history: 2 });
    const explicit = makeChat({ history: 3, seed: 9 });
    const { result } = renderHook(() => useChat({ chat: explicit }), {
      wrapper: wrapper(provided),
    });
    await waitFor(() => expect(result.current.messages).toHaveLength(3));
  });
});

describe('fine-grained hooks', () => {
  it('one incoming message re-renders the list and the new row only, not the other rows', async () => {
    const chat = makeChat({ history: 20 });
    const rowRenders = new Map<string, number>();
    let listRenders = 0;
    const Row = memo(function Row({ id }: { id: string }) {
      const message = useMessage({ id });
      rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
      return <li>{message?.type === 'text' ? message.message : id}</li>;
    });
    function List() {
      const ids = useMessageIds();
      listRenders++;
      return (
        <ul aria-label="messages">
          {ids.toArray().map((id) => (
            <Row key={id} id={id} />
          ))}
        </ul>
      );
    }
    render(<List />, { wrapper: wrapper(chat) });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(20));
    const listBefore = listRenders;
    const rowsBefore = new Map(rowRenders);

    act(() => {
      chat.simulate.receive({ text: 'a brand new message' });
      chat.simulate.flush();
    });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(21));
    expect(listRenders - listBefore).toBe(1);
    const newId = [...rowRenders.keys()].find((id) => !rowsBefore.has(id));
    expect(newId).toBeDefined();
    expect(rowRenders.get(newId ?? '')).toBe(1);
    for (const [id, count] of rowsBefore) expect(rowRenders.get(id)).toBe(count);
  });

  it('indexes messages by user and by type on every backend', async () => {
    const chat = makeChat({ history: 0, flavor: 'dyte' });
    const { result } = renderHook(
      () => ({
        alice: useMessagesByUser({ userId: 'alice' }),
        images: useMessagesByType({ type: 'image' }),
        texts: useMessagesByType({ type: 'text' }),
      }),
      { wrapper: wrapper(chat) },
    );
    act(() => {
      chat.simulate.receive({ userId: 'alice', displayName: 'Alice', text: 'hi' });
      chat.simulate.receive({ userId: 'bob', displayName: 'Bob', text: 'yo' });
      chat.simulate.receive({
        userId: 'alice',
        displayName: 'Alice',
        image: new File(['x'], 'cat.png', { type: 'image/png' }),
      });
      chat.simulate.flush();
    });
    await waitFor(() => expect(result.current.alice).toHaveLength(2));
    expect(result.current.images).toHaveLength(1);
    expect(result.current.texts.map((m) => m.userId)).toEqual(['alice', 'bob']);
  });
});
