import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '@natter/core';
import { expectNoAxeViolations } from '../../test/axe';
import {
  ROW,
  NOW,
  text,
  setup,
  articles,
  textOf,
  scrollLogTo,
  installListLayout,
  maxScroll,
} from '../../test/messageListSetup';

installListLayout();

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
});
