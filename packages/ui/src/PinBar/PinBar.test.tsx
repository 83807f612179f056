import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { ListControllerContext } from '../listController';
import type { MessageListController } from '../listController';
import { PinBar } from './PinBar';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

/** Three messages from others (text, image, file), each pinned in order. */
async function setup() {
  const chat = createLocalChat({ seed: 9, latencyMs: 1, history: 0 });
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: chat.self.userId });
  const stop = store.subscribe(() => undefined);
  const a = chat.simulate.receive({ userId: 'user-ada', displayName: 'Ada', text: 'first pin' });
  const b = chat.simulate.receive({
    userId: 'user-bo',
    displayName: 'Bo',
    image: new File(['png'], 'cat.png', { type: 'image/png' }),
  });
  const c = chat.simulate.receive({
    userId: 'user-cy',
    displayName: 'Cy',
    file: new File(['pdf'], 'agenda.pdf', { type: 'application/pdf' }),
  });
  await waitFor(() => expect(store.getState().ids.length).toBe(3));
  stop();
  return { chat, store, ids: [a.id, b.id, c.id] as const };
}

function Harness({
  chat,
  jumpTo,
  children,
}: {
  chat: LocalChat;
  jumpTo?: MessageListController['jumpTo'];
  children: ReactNode;
}) {
  const ref = useRef<MessageListController | null>({
    jumpTo: jumpTo ?? (async () => true),
    scrollToBottom: () => undefined,
  });
  return (
    <ChatProvider chat={chat} selfUserId={chat.self.userId}>
      <ListControllerContext.Provider value={ref}>{children}</ListControllerContext.Provider>
    </ChatProvider>
  );
}

const excerpt = () => screen.getByRole('button', { name: /^Go to pinned message/ });

describe('PinBar', () => {
  it('renders nothing while nothing is pinned, then appears with the pin', async () => {
    const { chat, ids } = await setup();
    const { container } = render(
      <Harness chat={chat}>
        <PinBar />
      </Harness>,
    );
    await expectNoAxeViolations(container);
    expect(container.innerHTML).toBe('');
    chat.simulate.pin(ids[0]);
    const bar = await screen.findByRole('region', { name: '1 pinned message' });
    expect(bar.textContent).toContain('Ada');
    expect(excerpt().textContent).toContain('first pin');
    await expectNoAxeViolations(container);
  });

  it('cycles with the buttons and the arrow keys, and the excerpt jumps to the message', async () => {
    const { chat, ids } = await setup();
    for (const id of ids) chat.simulate.pin(id);
    const jumpTo = vi.fn(async () => true);
    const user = userEvent.setup();
    const { container } = render(
      <Harness chat={chat} jumpTo={jumpTo}>
        <PinBar />
      </Harness>,
    );
    const bar = await screen.findByRole('region', { name: '3 pinned messages' });
    await expectNoAxeViolations(container);
    // The latest pin first: the file, by name.
    expect(bar.textContent).toContain('3 of 3');
    expect(excerpt().textContent).toContain('agenda.pdf');

    await user.click(screen.getByRole('button', { name: 'Previous pinned message' }));
    expect(bar.textContent).toContain('2 of 3');
    expect(excerpt().textContent).toContain('Image');
    expect(screen.getByRole('status').textContent).toBe('2 of 3: Bo: Image');

    await user.keyboard('{ArrowLeft}');
    expect(excerpt().textContent).toContain('first pin');
    await user.keyboard('{ArrowLeft}');
    expect(excerpt().textContent).toContain('agenda.pdf'); // wraps
    await user.keyboard('{ArrowRight}');
    expect(excerpt().textContent).toContain('first pin');
    await user.click(screen.getByRole('button', { name: 'Next pinned message' }));
    expect(excerpt().textContent).toContain('Image');

    await user.click(excerpt());
    expect(jumpTo).toHaveBeenCalledWith(ids[1]);
  });

  it('keeps showing the same message when others pin, and clamps when it is unpinned', async () => {
    const { chat, ids } = await setup();
    chat.simulate.pin(ids[0]);
    chat.simulate.pin(ids[1]);
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <PinBar />
      </Harness>,
    );
    await screen.findByRole('region', { name: '2 pinned messages' });
    await user.click(screen.getByRole('button', { name: 'Previous pinned message' }));
    expect(excerpt().textContent).toContain('first pin');

    chat.simulate.pin(ids[2]);
    await screen.findByRole('region', { name: '3 pinned messages' });
    expect(excerpt().textContent).toContain('first pin');

    await user.click(screen.getByRole('button', { name: 'Next pinned message' }));
    await user.click(screen.getByRole('button', { name: 'Next pinned message' }));
    expect(excerpt().textContent).toContain('agenda.pdf');
    expect(screen.getByRole('status').textContent).toMatch(/^3 of 3: /);
    chat.simulate.unpin(ids[2]);
    await screen.findByRole('region', { name: '2 pinned messages' });
    expect(excerpt().textContent).toContain('Image'); // position 3 clamps to 2
    // The screen-reader text does not keep saying "3 of 3" about a pin that is gone.
    expect(screen.getByRole('status').textContent).toBe('');

    chat.simulate.unpin(ids[0]);
    chat.simulate.unpin(ids[1]);
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
  });

  it('offers Unpin only with canPin, and it unpins the shown message', async () => {
    const { chat, ids, store } = await setup();
    chat.simulate.pin(ids[0]);
    const user = userEvent.setup();
    const { rerender } = render(
      <Harness chat={chat}>
        <PinBar />
      </Harness>,
    );
    await screen.findByRole('region');
    expect(screen.queryByRole('button', { name: 'Unpin' })).toBeNull();
    rerender(
      <Harness chat={chat}>
        <PinBar canPin className="mine" />
      </Harness>,
    );
    expect(screen.getByRole('region').className).toBe('natter-pinbar mine');
    await user.click(screen.getByRole('button', { name: 'Unpin' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(store.getState().pinnedIds).toEqual([]);
  });

  it('swaps the arrow keys in a right-to-left layout', async () => {
    const { chat, ids } = await setup();
    chat.simulate.pin(ids[0]);
    chat.simulate.pin(ids[1]);
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <div dir="rtl">
          <PinBar />
        </div>
      </Harness>,
    );
    await screen.findByRole('region');
    excerpt().focus();
    await user.keyboard('{ArrowRight}');
    expect(excerpt().textContent).toContain('first pin');
    await user.keyboard('{ArrowLeft}');
    expect(excerpt().textContent).toContain('Image');
  });
});
