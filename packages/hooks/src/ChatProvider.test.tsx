import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import type { ChatLike } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider, useChat, useChatPermissions, useSelfUserId } from './index';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

/** A chat that, like the real SDKs' chats, does not say who self is: only the provider does. */
function sdkLikeChat(): { local: LocalChat; chat: ChatLike } {
  const local = createLocalChat({ seed: 9, latencyMs: 1, history: 6 });
  chats.push(local);
  const chat: ChatLike = new Proxy(local, {
    get: (target, key, receiver) =>
      key === 'self' ? undefined : (Reflect.get(target, key, receiver) as unknown),
  });
  return { local, chat };
}

/** Each message as a person sees it: whose it is, and whether they are offered to edit it. */
function Messages() {
  const { messages } = useChat();
  const self = useSelfUserId();
  const { canAct } = useChatPermissions();
  return (
    <ul aria-label="messages">
      {messages.map((m) => (
        <li key={m.clientKey} data-own={m.userId === self} data-editable={canAct('edit', m)}>
          {m.type === 'text' ? m.message : m.type}:{m.status}
        </li>
      ))}
    </ul>
  );
}

describe('ChatProvider selfUserId', () => {
  it('a change of selfUserId changes whose messages are own, and whose echo confirms a send', async () => {
    const { local, chat } = sdkLikeChat();
    const other = local.participants[0]?.userId ?? 'other';
    const view = (self: string) => (
      <ChatProvider chat={chat} selfUserId={self} selfDisplayName="Me">
        <Messages />
      </ChatProvider>
    );
    // First rendered with the other participant's id (a provider mounted before the app knew).
    const { rerender } = render(view(other));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(6));
    const ownRows = () =>
      screen
        .getAllByRole('listitem')
        .filter((li) => li.dataset.own === 'true')
        .map((li) => li.textContent);
    const byOther = local.messages.filter((m) => m.userId === other).length;
    expect(byOther).toBeGreaterThan(0);
    expect(ownRows()).toHaveLength(byOther);

    rerender(view(local.self.userId));
    expect(getChatStore(chat).getSelf()).toEqual({ userId: local.self.userId, displayName: 'Me' });
    const byMe = local.messages.filter((m) => m.userId === local.self.userId).length;
    expect(byMe).toBeGreaterThan(0);
    expect(ownRows()).toHaveLength(byMe);
    for (const li of screen.getAllByRole('listitem'))
      expect(li.dataset.editable).toBe(li.dataset.own);

    // A send now is the new self's: its echo confirms it (one row, sent, own), no duplicate.
    await act(() => getChatStore(chat).sendText('mine now'));
    await waitFor(() => expect(ownRows()).toContain('mine now:sent'));
    expect(screen.getAllByText(/^mine now/)).toHaveLength(1);
  });

  it('gives the hooks the self a chat object says, when the provider is not told', async () => {
    const local = createLocalChat({ seed: 9, latencyMs: 1, history: 2 });
    chats.push(local);
    const { result } = renderHook(() => useSelfUserId(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ChatProvider chat={local}>{children}</ChatProvider>
      ),
    });
    expect(result.current).toBe(local.self.userId);
  });
});
