/** Shared fixtures of the Composer tests (`src/Composer/Composer*.test.tsx`). */
import { render, screen } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { ChatEntry } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { Composer } from '../src/Composer/Composer';

const chats: LocalChat[] = [];
export function makeChat(options: Parameters<typeof createLocalChat>[0] = {}): LocalChat {
  const chat = createLocalChat({ seed: 3, latencyMs: 1, history: 0, ...options });
  chats.push(chat);
  return chat;
}
/** Releases, after each test of the calling file, every chat `makeChat` made. */
export function disposeChats(): void {
  afterEach(() => {
    for (const chat of chats.splice(0)) {
      releaseChatStore(chat);
      chat.dispose();
    }
    vi.restoreAllMocks();
  });
}

export function Providers({ chat, children }: { chat: LocalChat; children: ReactNode }) {
  return (
    <ChatProvider chat={chat} selfUserId={chat.self.userId} selfDisplayName={chat.self.displayName}>
      {children}
    </ChatProvider>
  );
}

export const texts = (chat: LocalChat) =>
  getChatStore(chat)
    .getMessages()
    .filter((m): m is ChatEntry & { type: 'text' } => m.type === 'text')
    .map((m) => m.message);

export function renderComposer(
  chat: LocalChat,
  props: Parameters<typeof Composer>[0] = {},
): RenderResult & { user: UserEvent; textbox: HTMLTextAreaElement } {
  const user = userEvent.setup();
  const view = render(
    <Providers chat={chat}>
      <Composer {...props} />
    </Providers>,
  );
  const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { user, textbox, ...view };
}
