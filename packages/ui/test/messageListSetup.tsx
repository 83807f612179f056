/** Shared fixtures of the MessageList tests (`src/MessageList/MessageList*.test.tsx`). */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Mock } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { ChatEntry, ChatStore, Message } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { ListControllerContext, useListControllerRef } from '../src/listController';
import type { ListControllerRef } from '../src/listController';
import { MessageList } from '../src/MessageList/MessageList';

// jsdom has no layout: give the log a 400 px viewport and every row 50 px, and make scrolling
// real enough (scrollTop clamps, scrollTo moves it and fires `scroll`).
export const ROW = 50;
export const VIEWPORT = 400;
const scrollTops = new WeakMap<Element, number>();
const isLog = (el: Element) => el.getAttribute('role') === 'log';
const contentHeight = (el: Element) => {
  const sizer = el.querySelector<HTMLElement>(':scope > .natter-list__sizer');
  return sizer ? parseFloat(sizer.style.height) || 0 : 0;
};
export const maxScroll = (el: Element) => Math.max(0, contentHeight(el) - VIEWPORT);
const patched: [object, string, PropertyDescriptor | undefined][] = [];
function patch(target: object, key: string, descriptor: PropertyDescriptor) {
  patched.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
}
const chats: LocalChat[] = [];

/**
 * Registers, in the calling test file, the fake layout (before each test) and the cleanup of
 * the layout and of every chat `setup` made (after each).
 */
export function installListLayout(): void {
  beforeEach(() => {
    const proto = HTMLElement.prototype;
    patch(proto, 'offsetHeight', {
      get: function (this: HTMLElement) {
        return this.hasAttribute('data-natter-row') ? ROW : 0;
      },
    });
    patch(proto, 'clientHeight', {
      get: function (this: HTMLElement) {
        return isLog(this) ? VIEWPORT : 0;
      },
    });
    patch(proto, 'clientWidth', {
      get: function (this: HTMLElement) {
        return isLog(this) ? 320 : 0;
      },
    });
    patch(proto, 'scrollHeight', {
      get: function (this: HTMLElement) {
        return isLog(this) ? contentHeight(this) : 0;
      },
    });
    patch(proto, 'scrollTop', {
      get: function (this: HTMLElement) {
        return scrollTops.get(this) ?? 0;
      },
      set: function (this: HTMLElement, value: number) {
        scrollTops.set(this, Math.min(Math.max(0, value), maxScroll(this)));
      },
    });
    patch(proto, 'scrollTo', {
      value: function (this: HTMLElement, options?: ScrollToOptions) {
        this.scrollTop = options?.top ?? this.scrollTop;
        setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
      },
    });
  });
  afterEach(() => {
    for (const [target, key, descriptor] of patched.splice(0).reverse()) {
      if (descriptor) Object.defineProperty(target, key, descriptor);
      else delete (target as Record<string, unknown>)[key];
    }
  });
  afterEach(() => {
    for (const chat of chats.splice(0)) {
      releaseChatStore(chat);
      chat.dispose();
    }
  });
}

export const NOW = Date.now();
export function text(i: number, over: Partial<Message> = {}): Message {
  const userId = over.userId ?? (i % 3 === 0 ? 'user-ada' : 'user-grace');
  return {
    id: `m${i}`,
    type: 'text',
    message: `message number ${i}`,
    userId,
    displayName: userId === 'user-ada' ? 'Ada Lovelace' : 'Grace Hopper',
    time: new Date(NOW - (1000 - i) * 60_000),
    ...over,
  } as Message;
}

export interface ListSetup {
  chat: LocalChat;
  store: ChatStore;
  view: RenderResult;
  log: HTMLElement;
  renderActions: Mock<(entry: ChatEntry) => ReactElement>;
  controller: { ref: ListControllerRef | null };
}

export function setup(
  options: Parameters<typeof createLocalChat>[0] & { pageSize?: number } = {},
): ListSetup {
  const { pageSize, ...chatOptions } = options;
  const chat = createLocalChat({ seed: 5, latencyMs: 0, history: 30, ...chatOptions });
  chats.push(chat);
  const controller: { ref: ListControllerRef | null } = { ref: null };
  const renderActions = vi.fn((entry: ChatEntry) => (
    <span data-testid={`actions-${entry.clientKey}`} />
  ));
  function Harness({ children }: { children: ReactNode }) {
    const ref = useListControllerRef();
    controller.ref = ref;
    return <ListControllerContext.Provider value={ref}>{children}</ListControllerContext.Provider>;
  }
  const view = render(
    <ChatProvider
      chat={chat}
      selfUserId={chat.self.userId}
      selfDisplayName="Me"
      storeOptions={pageSize ? { pageSize } : {}}
    >
      <Harness>
        <div data-natter-theme="light">
          <MessageList renderActions={renderActions} />
        </div>
      </Harness>
    </ChatProvider>,
  );
  const log = screen.getByRole('log', { name: 'Chat messages' });
  return { chat, store: getChatStore(chat), view, log, renderActions, controller };
}

export const articles = (log: HTMLElement) => within(log).queryAllByRole('article');
export const textOf = (el: Element) => el.querySelector('.natter-text')?.textContent ?? '';

export async function scrollLogTo(log: HTMLElement, top: number) {
  await act(async () => {
    log.scrollTop = top;
    fireEvent.scroll(log);
    await new Promise((r) => setTimeout(r, 0));
  });
}
