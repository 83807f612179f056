import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useContext, useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider, useChat } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { ListControllerContext } from '../listController';
import { MessageActions } from '../MessageActions/MessageActions';
import { ChatPanel } from './ChatPanel';

const chats: LocalChat[] = [];
function makeChat() {
  const chat = createLocalChat({ seed: 13, latencyMs: 1, history: 3 });
  chats.push(chat);
  return chat;
}
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

/**
 * A stand-in for the message list (these tests do not depend on its internals): one row per
 * message with the panel's actions, and a controller registered like `MessageList` does.
 */
function StubList({ jumpTo }: { jumpTo?: (id: string) => Promise<boolean> }) {
  const { messages } = useChat();
  const controllerRef = useContext(ListControllerContext);
  useEffect(() => {
    if (!controllerRef) return undefined;
    controllerRef.current = {
      jumpTo: jumpTo ?? (async () => true),
      scrollToBottom: () => undefined,
    };
    return () => {
      controllerRef.current = null;
    };
  }, [controllerRef, jumpTo]);
  return (
    <ul aria-label="Messages">
      {messages.map((m) => (
        <li key={m.clientKey}>
          {m.type === 'text' ? m.message : m.type}
          <MessageActions message={m} canPin />
        </li>
      ))}
    </ul>
  );
}

describe('ChatPanel', () => {
  it('is a full meeting chat from ChatProvider + ChatPanel', async () => {
    const chat = makeChat();
    const user = userEvent.setup();
    const { container } = render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <ChatPanel />
      </ChatProvider>,
    );
    const panel = screen.getByRole('region', { name: 'Chat' });
    // No theme prop: the panel inherits an ancestor's theme (light by CSS when there is none).
    expect(panel.hasAttribute('data-natter-theme')).toBe(false);
    expect(panel.classList.contains('natter-panel')).toBe(true);
    expect(screen.getByRole('heading', { name: 'Chat', level: 2 })).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Download chat' })).not.toBeNull();
    expect(screen.getByRole('log')).not.toBeNull();
    await expectNoAxeViolations(container);

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello panel{Enter}');
    await waitFor(() =>
      expect(
        getChatStore(chat)
          .getMessages()
          .some((m) => m.type === 'text' && m.message === 'hello panel' && m.status === 'sent'),
      ).toBe(true),
    );
  });

  it('behaves like a section: theme, dir, className, rest props and ref', () => {
    const chat = makeChat();
    const ref = { current: null as HTMLElement | null };
    render(
      <ChatProvider chat={chat}>
        <ChatPanel
          ref={ref}
          theme="dark"
          dir="rtl"
          className="mine"
          data-testid="panel"
          list={null}
        />
      </ChatProvider>,
    );
    const panel = screen.getByTestId('panel');
    expect(ref.current).toBe(panel);
    expect(panel.tagName).toBe('SECTION');
    expect(panel.getAttribute('data-natter-theme')).toBe('dark');
    expect(panel.getAttribute('dir')).toBe('rtl');
    expect(panel.className).toBe('natter-panel mine');
  });

  it('takes strings and replaces or wraps parts through slots', async () => {
    const chat = makeChat();
    const { container } = render(
      <ChatProvider chat={chat}>
        <ChatPanel
          strings={{ panelTitle: 'Discussion', send: 'Envoyer' }}
          locale="fr"
          header={(part) => <div className="wrapped">{part}</div>}
          list={<p>custom list</p>}
        />
      </ChatProvider>,
    );
    expect(screen.getByRole('region', { name: 'Discussion' })).not.toBeNull();
    expect(container.querySelector('.wrapped h2')?.textContent).toBe('Discussion');
    expect(screen.getByRole('button', { name: 'Envoyer' })).not.toBeNull();
    expect(screen.getByText('custom list')).not.toBeNull();
    expect(screen.queryByRole('log')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('labels itself when the header is removed, and drops the composer on request', () => {
    const chat = makeChat();
    render(
      <ChatProvider chat={chat}>
        <ChatPanel header={null} composer={null} list={null} />
      </ChatProvider>,
    );
    expect(screen.getByRole('region', { name: 'Chat' })).not.toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('wires message actions to its composer, its pin bar and the list controller', async () => {
    const chat = makeChat();
    const store = getChatStore(chat, { selfUserId: chat.self.userId });
    const user = userEvent.setup();
    const jumpTo = vi.fn(async () => true);
    render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <ChatPanel canPin list={<StubList jumpTo={jumpTo} />} />
      </ChatProvider>,
    );
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    await user.type(textbox, 'mine to edit{Enter}');
    await waitFor(() => expect(store.getMessages().at(-1)?.status).toBe('sent'));

    const rows = within(screen.getByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    const ownRow = rows.at(-1);
    if (!ownRow) throw new Error('no row');
    await user.click(within(ownRow).getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    expect(textbox.value).toBe('mine to edit');
    await user.keyboard('{Escape}');
    expect(textbox.value).toBe('');

    await user.click(within(ownRow).getByRole('button', { name: /^Message actions/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Pin' }));
    const bar = await screen.findByRole('region', { name: '1 pinned message' });
    await user.click(within(bar).getByRole('button', { name: /^Go to pinned message/ }));
    expect(jumpTo).toHaveBeenCalledWith(store.getMessages().at(-1)?.id);
  });

  it('is a drop target for files as a whole', async () => {
    const chat = makeChat();
    render(
      <ChatProvider chat={chat}>
        <ChatPanel list={<p>list</p>} />
      </ChatProvider>,
    );
    const panel = screen.getByRole('region', { name: 'Chat' });
    const file = new File(['a'], 'brief.pdf', { type: 'application/pdf' });
    const dataTransfer = { files: [file], items: [], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragEnter(screen.getByText('list'), { dataTransfer });
    expect(panel.hasAttribute('data-dragging')).toBe(true);
    expect(screen.getByText('Drop files to attach')).not.toBeNull();
    fireEvent.drop(screen.getByText('list'), { dataTransfer });
    expect(panel.hasAttribute('data-dragging')).toBe(false);
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Attachments' }).textContent).toContain('brief.pdf'),
    );
  });
});
