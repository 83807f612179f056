import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider, useMessage } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { Composer } from '../Composer/Composer';
import { ComposerContext, useComposerControllerRef } from '../Composer/ComposerContext';
import { PinBar } from '../PinBar/PinBar';
import { MessageActions } from './MessageActions';
import type { MessageActionsProps } from './MessageActions';
import { PinToggle } from './PinToggle';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

/** A chat with one own message and one from Ada, both confirmed. */
async function setup() {
  const chat = createLocalChat({ seed: 5, latencyMs: 1, history: 0 });
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: chat.self.userId });
  const stop = store.subscribe(() => undefined);
  const own = await store.sendText('my own words');
  const other = chat.simulate.receive({ userId: 'user-ada', displayName: 'Ada', text: 'from Ada' });
  await waitFor(() => expect(store.getState().byId.get(other.id)).toBeDefined());
  stop();
  return { chat, store, ownId: own.id, otherId: other.id };
}

type RowProps = Omit<MessageActionsProps, 'message'> & { id: string };
function Row({ id, ...props }: RowProps) {
  const message = useMessage({ id });
  return message ? <MessageActions message={message} {...props} /> : null;
}

function Harness({ chat, children }: { chat: LocalChat; children: ReactNode }) {
  const composer = useComposerControllerRef();
  return (
    <ChatProvider chat={chat} selfUserId={chat.self.userId}>
      <ComposerContext.Provider value={composer}>
        <main data-natter-theme="light">
          {children}
          <Composer />
        </main>
      </ComposerContext.Provider>
    </ChatProvider>
  );
}

const itemNames = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

describe('MessageActions', () => {
  it('opens from the keyboard, moves with arrows, Home and End, and Esc returns focus', async () => {
    const { chat, ownId } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <Harness chat={chat}>
        <Row id={ownId} canPin />
      </Harness>,
    );
    await expectNoAxeViolations(container);
    const button = screen.getByRole('button', { name: /^Message actions/ });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    button.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: /^Message actions/ });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(itemNames()).toEqual(['Edit', 'Pin', 'Copy text', 'Delete']);
    await expectNoAxeViolations(container);
    const item = (name: string) => within(menu).getByRole('menuitem', { name });
    expect(document.activeElement).toBe(item('Edit'));

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(item('Pin'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(item('Delete'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(item('Edit'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(item('Delete'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(item('Edit'));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on the last item with ArrowUp, with Space, and Tab closes it', async () => {
    const { chat, ownId } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <Row id={ownId} />
      </Harness>,
    );
    const button = screen.getByRole('button', { name: /^Message actions/ });
    button.focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Delete');
    await user.keyboard('{Escape}');
    await user.keyboard(' ');
    expect(document.activeElement?.textContent).toBe('Edit');
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menu')).not.toBeNull();
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on a click outside and opens with the mouse', async () => {
    const { chat, ownId } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <Row id={ownId} />
      </Harness>,
    );
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    expect(screen.getByRole('menu')).not.toBeNull();
    await user.click(screen.getByRole('textbox', { name: 'Message' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it("offers only what is allowed on others' messages", async () => {
    const { chat, otherId } = await setup();
    const user = userEvent.setup();
    const { rerender } = render(
      <Harness chat={chat}>
        <Row id={otherId} />
      </Harness>,
    );
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    expect(itemNames()).toEqual(['Copy text']);
    await user.keyboard('{Escape}');

    rerender(
      <Harness chat={chat}>
        <Row id={otherId} canPin canEditOthers canDeleteOthers />
      </Harness>,
    );
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    expect(itemNames()).toEqual(['Edit', 'Pin', 'Copy text', 'Delete']);
  });

  it('Edit puts the message in the composer through ComposerContext', async () => {
    const { chat, ownId, store } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <Row id={ownId} />
      </Harness>,
    );
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(textbox.value).toBe('my own words');
    expect(document.activeElement).toBe(textbox);
    expect(screen.getByText('Editing message')).not.toBeNull();
    await user.type(textbox, '!{Enter}');
    await waitFor(() => {
      const entry = store.getState().byId.get(ownId);
      expect(entry?.type === 'text' && entry.message).toBe('my own words!');
    });
  });

  it('asks before deleting: Esc cancels back to the button, Delete removes it', async () => {
    const { chat, ownId, store } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <Harness chat={chat}>
        <Row id={ownId} />
      </Harness>,
    );
    const button = screen.getByRole('button', { name: /^Message actions/ });
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    // The dialog's code loads on the first Delete.
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this message?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('It will be removed for everyone.');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations(container);
    // Tab stays inside.
    await user.tab();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(store.getState().byId.has(ownId)).toBe(true);

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(store.getState().byId.has(ownId)).toBe(false));
    expect(screen.queryByRole('button', { name: /^Message actions/ })).toBeNull();
  });

  it('pins from the menu, and the pin appears in the PinBar', async () => {
    const { chat, otherId } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <PinBar />
        <Row id={otherId} canPin />
      </Harness>,
    );
    expect(screen.queryByRole('region')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Pin' }));
    const bar = await screen.findByRole('region', { name: '1 pinned message' });
    expect(bar.textContent).toContain('from Ada');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Message actions/ }));

    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Unpin' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
  });

  it('copies the text and says so', async () => {
    const { chat, otherId } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <Row id={otherId} />
      </Harness>,
    );
    await user.click(screen.getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Copy text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(await navigator.clipboard.readText()).toBe('from Ada');
  });
});

describe('PinToggle', () => {
  it('is a toggle button whose pressed state follows the pin', async () => {
    const { chat, otherId } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <PinToggle messageId={otherId} className="mine" />
      </ChatProvider>,
    );
    await expectNoAxeViolations(container);
    const toggle = screen.getByRole('button', { name: 'Pin' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('data-state')).toBe('unpinned');
    expect(toggle.className).toBe('natter-pin-toggle mine');
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    expect(toggle.getAttribute('data-state')).toBe('pinned');
    chat.simulate.unpin(otherId);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('false'));
  });
});
