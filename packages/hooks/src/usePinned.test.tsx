import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat, LocalChatFlavor } from '@natter/core/testing';
import { ChatProvider, useChat, usePinned } from './index';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

function setup(flavor: LocalChatFlavor) {
  const chat = createLocalChat({ seed: 3, latencyMs: 1, history: 6, flavor });
  chats.push(chat);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider chat={chat} selfUserId={chat.self.userId}>
      {children}
    </ChatProvider>
  );
  return { chat, ...renderHook(() => ({ chat: useChat(), pins: usePinned() }), { wrapper }) };
}

describe.each<LocalChatFlavor>(['realtimekit', 'dyte'])(
  'usePinned over a %s-style chat',
  (flavor) => {
    it('shows pins from others in pin order, and unpins', async () => {
      const { chat, result } = setup(flavor);
      await waitFor(() => expect(result.current.chat.isReady).toBe(true));
      const [a, b] = [
        result.current.chat.messages[4]?.id ?? '',
        result.current.chat.messages[1]?.id ?? '',
      ];
      act(() => {
        chat.simulate.pin(a);
        chat.simulate.pin(b);
        chat.simulate.flush();
      });
      await waitFor(() => expect(result.current.pins.pinned.map((m) => m.id)).toEqual([a, b]));
      expect(result.current.pins.isPinned(a)).toBe(true);
      act(() => {
        chat.simulate.unpin(a);
        chat.simulate.flush();
      });
      await waitFor(() => expect(result.current.pins.pinned.map((m) => m.id)).toEqual([b]));
      expect(result.current.pins.isPinned(a)).toBe(false);
    });

    it('toggle pins and unpins through the SDK and resolves when the server confirms', async () => {
      const { result } = setup(flavor);
      await waitFor(() => expect(result.current.chat.isReady).toBe(true));
      const id = result.current.chat.messages[0]?.id ?? '';
      await act(() => result.current.pins.toggle(id));
      expect(result.current.pins.pinned.map((m) => m.id)).toEqual([id]);
      await act(() => result.current.pins.toggle(id));
      expect(result.current.pins.pinned).toEqual([]);
    });

    it('keeps the pinned array reference when unrelated messages arrive', async () => {
      const { chat, result } = setup(flavor);
      await waitFor(() => expect(result.current.chat.isReady).toBe(true));
      await act(() => result.current.pins.pin(result.current.chat.messages[2]?.id ?? ''));
      const pinned = result.current.pins.pinned;
      act(() => {
        chat.simulate.receive({ text: 'unrelated' });
        chat.simulate.flush();
      });
      await waitFor(() => expect(result.current.chat.messages).toHaveLength(7));
      expect(result.current.pins.pinned).toBe(pinned);
    });
  },
);
