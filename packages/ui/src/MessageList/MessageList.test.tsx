import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { ChatEntry, Message } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { ListControllerContext, useListControllerRef } from '../listController';
import type { ListControllerRef } from '../listController';
import { MessageList } from './MessageList';

// jsdom has no layout: give the log a 400 px viewport and every row 50 px, and make scrolling
// real enough (scrollTop clamps, scrollTo moves it and fires `scroll`).
const ROW = 50;
const VIEWPORT = 400;
const scrollTops = new WeakMap<Element, number>();
const isLog = (el: Element) => el.getAttribute('role') === 'log';
const contentHeight = (el: Element) => {
  const sizer = el.querySelector<HTMLElement>(':scope > .natter-list__sizer');
  return sizer ? parseFloat(sizer.style.height) || 0 : 0;
};
const maxScroll = (el: Element) => Math.max(0, contentHeight(el) - VIEWPORT);
const patched: [object, string, PropertyDescriptor | undefined][] = [];
function patch(target: object, key: string, descriptor: PropertyDescriptor) {
  patched.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
}
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

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

const NOW = Date.now();
function text(i: number, over: Partial<Message> = {}): Message {
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

function setup(options: Parameters<typeof createLocalChat>[0] & { pageSize?: number } = {}) {
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

const articles = (log: HTMLElement) => within(log).queryAllByRole('article');
const textOf = (el: Element) => el.querySelector('.natter-text')?.textContent ?? '';

async function scrollLogTo(log: HTMLElement, top: number) {
  await act(async () => {
    log.scrollTop = top;
    fireEvent.scroll(log);
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('MessageList', () => {
  it('is an accessible, virtualized log that starts at the newest message', async () => {
    const history = Array.from({ length: 300 }, (_, i) => text(i));
    const { view, log } = setup({ history });
    await waitFor(() => expect(articles(log).length).toBeGreaterThan(0));
    await expectNoAxeViolations(view.container);
    // Only the visible rows plus overscan are in the DOM, not 300.
    expect(articles(log).length).toBeLessThan(30);
    await waitFor(() => expect(articles(log).map(textOf)).toContain('message number 299'));
    expect(articles(log).map(textOf)).not.toContain('message number 0');
    const last = articles(log).at(-1)!;
    expect(last.dataset.kind).toBe('text');
    expect(last.dataset.origin).toBe('remote');
    expect(last.dataset.status).toBe('sent');
  });

  it('groups messages of one sender within 5 minutes and separates days', async () => {
    // Noon, three days ago, local time: the three early messages share one day whatever the
    // hour the test runs (a base of "now minus three days" split them at 23:55).
    const noon = new Date(NOW);
    noon.setDate(noon.getDate() - 3);
    noon.setHours(12, 0, 0, 0);
    const base = noon.getTime();
    const history: Message[] = [
      text(1, { userId: 'user-ada', time: new Date(base) }),
      text(2, { userId: 'user-ada', time: new Date(base + 60_000) }),
      text(3, { userId: 'user-ada', time: new Date(base + 10 * 60_000) }),
      // Now itself, not a minute ago: always "Today", even just after midnight.
      text(4, { userId: 'user-grace', time: new Date() }),
    ];
    const { log } = setup({ history });
    await waitFor(() => expect(articles(log)).toHaveLength(4));
    const [a, b, c, d] = articles(log);
    expect([a, b, c, d].map((el) => el?.dataset.group)).toEqual([
      'start',
      'continue',
      'start',
      'start',
    ]);
    expect(a?.querySelector('.natter-avatar')?.textContent).toBe('AL');
    expect(b?.querySelector('.natter-avatar')?.textContent).toBe('');
    expect(within(log).getByText('Today')).toBeTruthy();
    expect(log.querySelectorAll('.natter-day')).toHaveLength(2);
  });

  it('adds a new message without re-rendering or re-mounting existing rows, and keeps a sent row mounted', async () => {
    const { chat, log, renderActions, store } = setup({
      history: Array.from({ length: 5 }, (_, i) => text(i)),
    });
    await waitFor(() => expect(articles(log)).toHaveLength(5));
    const before = articles(log);
    renderActions.mockClear();

    act(() => {
      chat.simulate.receive({
        userId: 'user-alan',
        displayName: 'Alan Turing',
        text: 'fresh news',
      });
      chat.simulate.flush();
    });
    await waitFor(() => expect(articles(log)).toHaveLength(6));
    expect(renderActions.mock.calls.map(([e]) => (e.type === 'text' ? e.message : e.id))).toEqual([
      'fresh news',
    ]);
    expect(articles(log).slice(0, 5)).toEqual(before);

    // An own send shows at once as pending, then the confirmed message replaces it in place.
    let sent: Promise<unknown> = Promise.resolve();
    act(() => {
      sent = store.sendText('my own words');
    });
    const pending = articles(log).at(-1)!;
    expect(pending.dataset.status).toBe('sending');
    expect(pending.dataset.origin).toBe('local');
    expect(within(pending).getByText('Sending…')).toBeTruthy();
    await act(async () => {
      await sent;
    });
    await waitFor(() => expect(articles(log).at(-1)?.dataset.status).toBe('sent'));
    expect(articles(log).at(-1)).toBe(pending);
  });

  it('announces messages from others in a polite live region', async () => {
    const { chat, view, log } = setup({ history: [text(1)] });
    await waitFor(() => expect(articles(log)).toHaveLength(1));
    act(() => {
      chat.simulate.receive({ userId: 'user-alan', displayName: 'Alan Turing', text: 'hello all' });
      chat.simulate.flush();
    });
    const region = view.container.querySelector('[aria-live="polite"]')!;
    await waitFor(() => expect(region.textContent).toBe('Alan Turing: hello all'));
    expect(log.getAttribute('aria-live')).toBe('off');
  });

  it('follows new messages at the bottom; scrolled up it counts them on a button that jumps down', async () => {
    const history = Array.from({ length: 40 }, (_, i) => text(i));
    const { chat, log } = setup({ history });
    await waitFor(() => expect(articles(log).map(textOf)).toContain('message number 39'));
    await waitFor(() => expect(log.scrollTop).toBe(maxScroll(log)));

    act(() => {
      chat.simulate.receive({ userId: 'user-alan', text: 'while at the bottom' });
      chat.simulate.flush();
    });
    await waitFor(() => expect(articles(log).map(textOf)).toContain('while at the bottom'));
    await waitFor(() => expect(log.scrollTop).toBe(maxScroll(log)));
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();

    await scrollLogTo(log, 600);
    act(() => {
      chat.simulate.receive({ userId: 'user-alan', text: 'one' });
      chat.simulate.receive({ userId: 'user-alan', text: 'two' });
      chat.simulate.flush();
    });
    const button = await screen.findByRole('button', { name: '2 new messages' });
    expect(log.scrollTop).toBe(600);
    // A third arrives and is deleted before the reader comes back: it no longer counts.
    let gone = '';
    act(() => {
      gone = chat.simulate.receive({ userId: 'user-alan', text: 'oops' }).id;
      chat.simulate.flush();
    });
    await screen.findByRole('button', { name: '3 new messages' });
    act(() => {
      chat.simulate.delete(gone);
      chat.simulate.flush();
    });
    await screen.findByRole('button', { name: '2 new messages' });
    // Coming back finds a divider above the first message that arrived while away.
    await userEvent.click(button);
    await waitFor(() => expect(log.scrollTop).toBe(maxScroll(log)));
    const divider = log.querySelector('.natter-unread');
    expect(divider?.textContent).toBe('New');
    expect(textOf(divider!.parentElement!.querySelector('article')!)).toBe('one');
    await waitFor(() => expect(screen.queryByRole('button', { name: /new message/ })).toBeNull());
  });

  it('loads older history near the top once per scroll and keeps the visible message in place', async () => {
    const history = Array.from({ length: 60 }, (_, i) => text(i));
    const { log, store } = setup({ history, joinHistoryLimit: 20, pageSize: 20 });
    await waitFor(() => expect(store.getState().status).toBe('ready'));
    await waitFor(() => expect(articles(log).map(textOf)).toContain('message number 59'));
    expect(store.getState().ids.length).toBe(20);
    const original = store.loadOlder;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loadOlder = vi.spyOn(store, 'loadOlder').mockImplementation(() => gate.then(original));

    await scrollLogTo(log, 100);
    const anchor = textOf(articles(log)[3]!);
    const rowTop = (label: string) => {
      const row = articles(log)
        .find((a) => textOf(a) === label)
        ?.closest<HTMLElement>('[data-natter-row]');
      const y = Number(/translateY\((-?[\d.]+)px\)/.exec(row?.style.transform ?? '')?.[1]);
      return y - log.scrollTop;
    };
    const before = rowTop(anchor);
    // More scroll events while the page loads do not start another load.
    await scrollLogTo(log, 90);
    await scrollLogTo(log, 80);
    expect(loadOlder).toHaveBeenCalledTimes(1);
    const beforeLoad = rowTop(anchor);
    await act(async () => release());
    await waitFor(() => expect(store.getState().ids.length).toBe(40));
    // The message the reader was looking at has not moved, although 20 rows came in above it.
    await waitFor(() => expect(rowTop(anchor)).toBe(beforeLoad));
    expect(log.scrollTop).toBeGreaterThan(20 * ROW);
    expect(before).toBeDefined();
  });

  it('moves focus between messages with the arrow keys, Home and End (one tab stop)', async () => {
    const user = userEvent.setup();
    const { log } = setup({ history: Array.from({ length: 5 }, (_, i) => text(i)) });
    await waitFor(() => expect(articles(log)).toHaveLength(5));
    await user.tab();
    expect(document.activeElement).toBe(log);
    await user.keyboard('{ArrowUp}');
    expect(textOf(document.activeElement!)).toBe('message number 4');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(textOf(document.activeElement!)).toBe('message number 2');
    await user.keyboard('{ArrowDown}');
    expect(textOf(document.activeElement!)).toBe('message number 3');
    await user.keyboard('{Home}');
    expect(textOf(document.activeElement!)).toBe('message number 0');
    await user.keyboard('{End}');
    expect(textOf(document.activeElement!)).toBe('message number 4');
    // Roving tabindex: only the focused message is in the tab order, the log itself leaves it.
    expect(articles(log).filter((a) => a.tabIndex === 0)).toEqual([document.activeElement]);
    expect(log.tabIndex).toBe(-1);
  });

  it('shows a failed send with its reason and a Retry button that sends it again', async () => {
    const user = userEvent.setup();
    const { chat, log, store } = setup({ history: [text(1)] });
    await waitFor(() => expect(articles(log)).toHaveLength(1));
    chat.simulate.failNext('reject', new Error('socket closed'));
    await act(async () => {
      await store.sendText('do not lose me').catch(() => undefined);
    });
    const failed = articles(log).at(-1)!;
    expect(failed.dataset.status).toBe('failed');
    expect(within(failed).getByText(/^Not sent: /)).toBeTruthy();
    await user.click(within(failed).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(articles(log).at(-1)?.dataset.status).toBe('sent'));
    expect(articles(log).at(-1)).toBe(failed);
    expect(within(failed).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('jumps to a pinned message outside the loaded history: loads older pages, focuses and highlights it', async () => {
    const history = Array.from({ length: 60 }, (_, i) => text(i, i === 5 ? { pinned: true } : {}));
    const { store, controller } = setup({ history, joinHistoryLimit: 20, pageSize: 20 });
    await waitFor(() => expect(store.getState().status).toBe('ready'));
    await waitFor(() => expect(store.getState().byId.has('m5')).toBe(true));
    expect(store.getState().ids.indexOf('m5')).toBe(-1);

    let found = false;
    await act(async () => {
      found = (await controller.ref?.current?.jumpTo('m5')) ?? false;
    });
    expect(found).toBe(true);
    await waitFor(() => expect(textOf(document.activeElement!)).toBe('message number 5'));
    const target = document.activeElement as HTMLElement;
    expect(target.dataset.highlighted).toBe('');
    expect(target.dataset.state).toBe('pinned');
    expect(within(target).getByText('pinned')).toBeTruthy();
    await waitFor(() => expect(target.dataset.highlighted).toBeUndefined(), { timeout: 3000 });

    let missing = true;
    await act(async () => {
      missing = (await controller.ref?.current?.jumpTo('no-such-id')) ?? true;
    });
    expect(missing).toBe(false);
  });

  it('opens images in a lightbox over all images of the chat, with arrows, Esc and focus restore', async () => {
    const user = userEvent.setup();
    const image = (i: number, userId: string): Message =>
      ({
        ...text(i, { userId }),
        type: 'image',
        link: `https://cdn.example.com/${i}.png`,
      }) as Message;
    const history = [image(1, 'user-ada'), text(2), image(3, 'user-grace'), image(4, 'user-ada')];
    const { view, log } = setup({ history });
    await waitFor(() => expect(articles(log)).toHaveLength(4));
    const opener = within(articles(log)[2]!).getByRole('button', {
      name: 'Image from Grace Hopper',
    });
    await user.click(opener);

    // The lightbox is loaded on first open (React.lazy).
    const dialog = await screen.findByRole('dialog', { name: 'Image viewer' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await expectNoAxeViolations(view.container);
    expect(within(dialog).getByText('Image 2 of 3')).toBeTruthy();
    expect(within(dialog).getByRole('img').getAttribute('src')).toBe(
      'https://cdn.example.com/3.png',
    );
    expect(
      within(dialog).getByRole('link', { name: 'Download image' }).hasAttribute('download'),
    ).toBe(true);
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByText('Image 3 of 3')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByText('Image 1 of 3')).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(within(dialog).getByText('Image 3 of 3')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Zoom in' }));
    expect(within(dialog).getByText('150%')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Zoom out' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zoom out' }));
    expect(within(dialog).getByText('75%')).toBeTruthy();

    // Focus stays inside: Tab from the last control wraps to the first, Shift+Tab back.
    const controls = within(dialog)
      .getAllByRole('button')
      .concat(within(dialog).getAllByRole('link'));
    expect(controls.length).toBeGreaterThan(3);
    for (let i = 0; i < 10; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('renders hostile text, names, file names and links inertly', async () => {
    const w = window as unknown as { natterPwned?: boolean };
    w.natterPwned = false;
    const xss =
      '<img src=x onerror="window.natterPwned=true"><script>window.natterPwned=true</script>';
    const base = { time: new Date(NOW - 60_000) };
    const history = [
      {
        ...base,
        id: 'h1',
        type: 'text',
        userId: 'evil',
        displayName: `${xss}\u202Eevil`,
        message: `${xss} javascript:alert(1) data:text/html,<b>x</b> [click](javascript:alert(1)) https://ok.example.com/a?b=<c>`,
      },
      {
        ...base,
        id: 'h2',
        type: 'image',
        userId: 'evil',
        displayName: 'Eve',
        link: 'javascript:alert(1)',
      },
      {
        ...base,
        id: 'h3',
        type: 'image',
        userId: 'evil',
        displayName: 'Eve',
        link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      },
      {
        ...base,
        id: 'h4',
        type: 'file',
        userId: 'evil',
        displayName: 'Eve',
        name: `invoice\u202Efdp.exe${xss}`,
        size: 10,
        link: 'javascript:alert(1)',
      },
      {
        ...base,
        id: 'h5',
        type: 'file',
        userId: 'evil',
        displayName: 'Eve',
        name: 'ok.pdf',
        size: 10,
        link: 'data:text/html,<script>alert(1)</script>',
      },
      {
        ...base,
        id: 'h6',
        type: 'custom',
        userId: 'evil',
        displayName: 'Eve',
        html: xss,
        message: 'custom',
        images: [{ link: 'javascript:alert(1)' }],
        files: [{ link: 'vbscript:x', name: xss }],
        videos: [{ link: 'javascript:alert(1)' }],
      },
      {
        ...base,
        id: 'h7',
        type: 'text',
        userId: 'evil',
        displayName: 'Eve',
        message: 'A'.repeat(100_000),
      },
    ] as unknown as Message[];
    const { view, log } = setup({ history });
    await waitFor(() => expect(articles(log).length).toBeGreaterThanOrEqual(5));
    await expectNoAxeViolations(view.container);
    // Rendered (virtualized) rows: scroll through them all.
    const seen = new Set<string>();
    for (let top = 0; top <= maxScroll(log) + ROW; top += ROW * 4) {
      await scrollLogTo(log, top);
      for (const a of articles(log))
        seen.add(a.closest<HTMLElement>('[data-natter-row]')?.dataset.key ?? '');
      const root = view.container;
      expect(root.querySelectorAll('script, iframe, object, embed, b, c')).toHaveLength(0);
      for (const img of root.querySelectorAll('img')) {
        expect(img.getAttribute('src') ?? '').toMatch(/^(https?:|blob:)/);
        expect(img.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
      }
      for (const a of root.querySelectorAll('a')) {
        expect(a.getAttribute('href') ?? '').toMatch(/^(https?:|mailto:|blob:)/);
      }
    }
    expect(seen.size).toBe(7);
    expect(w.natterPwned).toBe(false);
    expect(log.textContent).toContain('<script>window.natterPwned=true</script>');
    const links = [...view.container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://ok.example.com/a?b=']);
    expect(view.container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
