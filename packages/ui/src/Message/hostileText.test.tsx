/**
 * Issue 12, points 9-12: hostile text, names and links render fast, bounded and undisguised.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTrustedObjectUrl, revokeTrustedObjectUrl } from '@natter/core';
import type { ChatEntry } from '@natter/core';
import { expectNoAxeViolations } from '../../test/axe';
import { ImagePreview } from '../ImagePreview/ImagePreview';
import { StringsProvider } from '../strings';
import { safeUrl } from '../utils/safeUrl';
import { linkify } from './linkify';
import { Message } from './Message';
import { MessageText } from './MessageText';

const entry = (over: Partial<ChatEntry> = {}): ChatEntry =>
  ({
    id: 'm1',
    clientKey: 'm1',
    type: 'text',
    message: 'hello',
    userId: 'u1',
    displayName: 'Ada',
    time: new Date('2026-01-01T10:00:00Z'),
    timeMs: Date.parse('2026-01-01T10:00:00Z'),
    status: 'sent',
    ...over,
  }) as ChatEntry;

describe('link detection stays linear on hostile text', () => {
  // Quadratic trimming took 7.9 s for 32,000 `)`; 400,000 would take hours, not a test's seconds.
  it('a link followed by 400,000 closing brackets is one short link and plain text', () => {
    const parts = linkify(`https://a${')'.repeat(400_000)}`);
    expect(parts[0]).toMatchObject({ kind: 'link', text: 'https://a', href: 'https://a/' });
    expect(parts[1]).toEqual({ kind: 'text', text: ')'.repeat(400_000) });
  });

  it('a link whose tail is 400,000 dots and a letter keeps them all (no backtracking)', () => {
    const text = `https://a${'.'.repeat(400_000)}b`;
    expect(linkify(text)).toHaveLength(1);
    const dots = `see https://a${'.'.repeat(400_000)}`;
    expect(linkify(dots).map((p) => p.kind)).toEqual(['text', 'link', 'text']);
  });

  it('still keeps balanced brackets and drops unbalanced ones and trailing punctuation', () => {
    const parts = linkify('(https://x.org/a_(b)]), [https://x.org/c].');
    expect(parts.filter((p) => p.kind === 'link').map((p) => p.text)).toEqual([
      'https://x.org/a_(b)',
      'https://x.org/c',
    ]);
  });
});

describe('long text is cut with "Show more"', () => {
  it('a 100,000-character message shows 1,000 characters and a real button that expands it', async () => {
    const text = 'word '.repeat(20_000);
    const { container } = render(<MessageText text={text} />);
    await expectNoAxeViolations(container);
    const root = container.firstElementChild as HTMLElement;
    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(root.textContent?.length).toBeLessThan(1_100);
    fireEvent.click(more);
    const less = screen.getByRole('button', { name: 'Show less' });
    expect(less.getAttribute('aria-expanded')).toBe('true');
    expect(root.textContent?.startsWith(text)).toBe(true);
    fireEvent.click(less);
    expect(root.textContent?.length).toBeLessThan(1_100);
  });

  it('cuts at 20 lines', () => {
    const { container } = render(<MessageText text={'line\n'.repeat(25)} />);
    expect(container.textContent?.split('\n')).toHaveLength(20);
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
  });

  it('never cuts inside a link, and takes its strings from StringsProvider', () => {
    const text = `${'x '.repeat(480)}https://example.com/${'y'.repeat(100)} end`;
    render(
      <StringsProvider strings={{ showMore: 'Mehr anzeigen', showLess: 'Weniger' }}>
        <MessageText text={text} />
      </StringsProvider>,
    );
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mehr anzeigen' }));
    expect(screen.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/example\.com\/y+$/);
    expect(screen.getByRole('button', { name: 'Weniger' })).toBeTruthy();
  });

  it('short text has no button and is exactly the text', () => {
    const { container } = render(<MessageText text={'a\nb https://c.d'} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.textContent).toBe('a\nb https://c.d');
  });
});

describe('names', () => {
  it('a 10,000-character name is capped with an ellipsis; the full name is in the title', async () => {
    const long = 'N'.repeat(10_000);
    const { container } = render(<Message message={entry({ displayName: long })} />);
    await expectNoAxeViolations(container);
    const sender = container.querySelector('.natter-sender') as HTMLElement;
    expect(sender.textContent?.length).toBeLessThanOrEqual(64);
    expect(sender.textContent?.endsWith('…')).toBe(true);
    expect(sender.getAttribute('title')).toBe(long);
  });

  it('bidi overrides and invisible characters are removed from sender names', () => {
    const { container } = render(
      <Message message={entry({ displayName: '\u202Eemanyalpsid\u200B\u2066x\u2069' })} />,
    );
    const sender = container.querySelector('.natter-sender') as HTMLElement;
    expect(sender.textContent).toBe('emanyalpsidx');
    expect(sender.getAttribute('title')).toBeNull();
  });
});

describe('blob: links', () => {
  it('only object URLs the kit made pass safeUrl', () => {
    expect(safeUrl('blob:https://victim.example/3f1c')).toBeUndefined();
    expect(safeUrl('BLOB:https://victim.example/3f1c')).toBeUndefined();
    const own = createTrustedObjectUrl(new Blob(['x']));
    expect(safeUrl(own)).toBe(own);
    revokeTrustedObjectUrl(own);
    expect(safeUrl(own)).toBeUndefined();
  });

  it('an image message whose link is someone else’s blob: URL shows no image', () => {
    const { container } = render(<ImagePreview src="blob:https://victim.example/3f1c" alt="x" />);
    expect(container.querySelector('img[src^="blob:"]')).toBeNull();
  });
});

describe('pin bar names', () => {
  it('strips bidi overrides and caps the author of a pinned message', async () => {
    const { getChatStore, releaseChatStore } = await import('@natter/core');
    const { createLocalChat } = await import('@natter/core/testing');
    const { ChatProvider } = await import('@natter/hooks');
    const { PinBar } = await import('../PinBar/PinBar');
    const { waitFor } = await import('@testing-library/react');
    const chat = createLocalChat({ seed: 9, latencyMs: 1, history: 0 });
    const store = getChatStore(chat, { selfUserId: chat.self.userId });
    const stop = store.subscribe(() => undefined);
    const spoof = chat.simulate.receive({
      userId: 'u-spoof',
      displayName: '\u202Eemanyalpsid',
      text: 'a',
    });
    const long = chat.simulate.receive({
      userId: 'u-long',
      displayName: 'L'.repeat(5_000),
      text: 'b',
    });
    await waitFor(() => expect(store.getState().ids.length).toBe(2));
    await store.pin(long.id);
    await store.pin(spoof.id);
    const { container } = render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <PinBar />
      </ChatProvider>,
    );
    const author = () => container.querySelector('.natter-pinbar__author') as HTMLElement;
    await waitFor(() => expect(author().textContent).toBe('emanyalpsid'));
    fireEvent.click(screen.getByRole('button', { name: /previous/i }));
    await waitFor(() => expect(author().textContent?.endsWith('…')).toBe(true));
    expect(author().textContent?.length).toBeLessThanOrEqual(64);
    expect(author().getAttribute('title')).toBe('L'.repeat(5_000));
    stop();
    releaseChatStore(chat);
    chat.dispose();
  });
});
