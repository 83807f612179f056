/** MessageList from the reader's side: keyboard, Retry, jump-to, the lightbox, hostile input. */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
