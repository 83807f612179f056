import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { ChatEntry } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { Composer } from './Composer';

const chats: LocalChat[] = [];
function makeChat(options: Parameters<typeof createLocalChat>[0] = {}): LocalChat {
  const chat = createLocalChat({ seed: 3, latencyMs: 1, history: 0, ...options });
  chats.push(chat);
  return chat;
}
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
  vi.restoreAllMocks();
});

function Providers({ chat, children }: { chat: LocalChat; children: ReactNode }) {
  return (
    <ChatProvider chat={chat} selfUserId={chat.self.userId} selfDisplayName={chat.self.displayName}>
      {children}
    </ChatProvider>
  );
}

const texts = (chat: LocalChat) =>
  getChatStore(chat)
    .getMessages()
    .filter((m): m is ChatEntry & { type: 'text' } => m.type === 'text')
    .map((m) => m.message);

function renderComposer(chat: LocalChat, props: Parameters<typeof Composer>[0] = {}) {
  const user = userEvent.setup();
  const view = render(
    <Providers chat={chat}>
      <Composer {...props} />
    </Providers>,
  );
  const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { user, textbox, ...view };
}

describe('Composer', () => {
  it('with focusOnMount, puts the cursor in the message box when it appears (and only then)', async () => {
    const chat = makeChat();
    const { textbox, user, rerender } = renderComposer(chat, { focusOnMount: true });
    expect(document.activeElement).toBe(textbox);

    // Focus that the person moved elsewhere stays there on later renders.
    await user.tab();
    expect(document.activeElement).not.toBe(textbox);
    rerender(
      <Providers chat={chat}>
        <Composer focusOnMount placeholder="Say something" />
      </Providers>,
    );
    expect(document.activeElement).not.toBe(textbox);
  });

  it('without focusOnMount leaves focus where the page put it', () => {
    const chat = makeChat();
    const { textbox } = renderComposer(chat);
    expect(document.activeElement).not.toBe(textbox);
  });

  it('sends on Enter and adds a line on Shift+Enter', async () => {
    const chat = makeChat();
    const { user, textbox, container } = renderComposer(chat);
    await expectNoAxeViolations(container);

    await user.type(textbox, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(textbox.value).toBe('line one\nline two');
    expect(textbox.rows).toBe(2);
    await user.keyboard('{Enter}');

    expect(textbox.value).toBe('');
    await waitFor(() => expect(texts(chat)).toEqual(['line one\nline two']));
    expect(getChatStore(chat).getMessages()[0]?.status).toBe('sent');
  });

  it('sends with the Send button, which is disabled while the composer is empty', async () => {
    const chat = makeChat();
    const { user, textbox } = renderComposer(chat);
    const send = screen.getByRole('button', { name: 'Send' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await user.type(textbox, 'hi');
    expect((send as HTMLButtonElement).disabled).toBe(false);
    await user.click(send);
    await waitFor(() => expect(texts(chat)).toEqual(['hi']));
    expect(textbox.value).toBe('');
  });

  it('never sends while an IME composition is under way', async () => {
    const chat = makeChat();
    const { textbox } = renderComposer(chat);
    fireEvent.change(textbox, { target: { value: 'にほん' } });
    fireEvent.compositionStart(textbox);
    fireEvent.keyDown(textbox, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(textbox, { key: 'Enter', keyCode: 229 });
    fireEvent.compositionEnd(textbox);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(texts(chat)).toEqual([]);
    expect(textbox.value).toBe('にほん');
  });

  it('edits the last own text message with Up, shows an editing bar, and saves on Enter', async () => {
    const chat = makeChat();
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'first{Enter}');
    await user.type(textbox, 'secnd{Enter}');
    chat.simulate.receive({ userId: 'user-ada', text: 'not mine' });
    await waitFor(() => expect(texts(chat)).toEqual(['first', 'secnd', 'not mine']));

    await user.keyboard('{ArrowUp}');
    expect(textbox.value).toBe('secnd');
    expect(screen.getByText('Editing message')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).not.toBeNull();
    expect(document.activeElement).toBe(textbox);

    await user.clear(textbox);
    await user.type(textbox, 'second{Enter}');
    await waitFor(() => expect(texts(chat)).toEqual(['first', 'second', 'not mine']));
    expect(textbox.value).toBe('');
    expect(screen.queryByText('Editing message')).toBeNull();
    const edited = getChatStore(chat)
      .getMessages()
      .find((m) => m.type === 'text' && m.message === 'second');
    expect(edited?.isEdited).toBe(true);
  });

  it('cancels editing with Esc and gives the draft back', async () => {
    const chat = makeChat();
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'mine{Enter}');
    await waitFor(() => expect(getChatStore(chat).getMessages()[0]?.status).toBe('sent'));

    await user.keyboard('{ArrowUp}');
    expect(textbox.value).toBe('mine');
    await user.type(textbox, ' changed');
    await user.keyboard('{Escape}');
    expect(textbox.value).toBe('');
    expect(screen.queryByText('Editing message')).toBeNull();
    expect(texts(chat)).toEqual(['mine']);

    // Up with text in the box moves the caret, it does not start editing.
    await user.type(textbox, 'draft');
    await user.keyboard('{ArrowUp}');
    expect(textbox.value).toBe('draft');
    expect(screen.queryByText('Editing message')).toBeNull();
  });

  it('shows the counter from 80 % of maxTextLimit and marks the box invalid over it', async () => {
    const chat = makeChat({ maxTextLimit: 20 });
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'x'.repeat(15));
    expect(screen.queryByText(/characters left/)).toBeNull();
    await user.type(textbox, 'x');
    const counter = screen.getByText('4 characters left');
    expect(counter.getAttribute('data-state')).toBe('near');
    expect(textbox.getAttribute('aria-describedby')).toContain(counter.id);
    await user.type(textbox, 'x'.repeat(6));
    expect(screen.getByText('2 characters over the limit').getAttribute('data-state')).toBe('over');
    expect(textbox.getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a too-long message in the alert and keeps the text', async () => {
    const chat = makeChat({ maxTextLimit: 20 });
    const { user, textbox } = renderComposer(chat);
    const long = 'y'.repeat(25);
    await user.type(textbox, `${long}{Enter}`);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The message is 5 characters over the limit of 20.',
      ),
    );
    expect(textbox.value).toBe(long);
    expect(texts(chat)).toEqual([]);
    // Typing clears the feedback.
    await user.type(textbox, '{Backspace}');
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('explains rate limiting in the alert and keeps the text', async () => {
    const chat = makeChat({ rateLimits: { maxInvocations: 2, period: 60 } });
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'one{Enter}');
    await user.type(textbox, 'two{Enter}');
    await user.type(textbox, 'three{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/sending messages too fast/),
    );
    expect(textbox.value).toBe('three');
    await waitFor(() => expect(texts(chat)).toEqual(['one', 'two']));
  });

  it('keeps a send that failed on the way as a failed, retryable entry and says why', async () => {
    const chat = makeChat();
    chat.simulate.failNext('reject');
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'lost?{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    const entry = getChatStore(chat).getMessages()[0];
    expect(entry?.status).toBe('failed');
    expect(entry?.type === 'text' && entry.message).toBe('lost?');
  });

  it('adds, previews, removes and sends attachments, then the caption', async () => {
    const create = vi.spyOn(URL, 'createObjectURL');
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const chat = makeChat();
    const { user, textbox, container } = renderComposer(chat);
    const photo = new File(['png'], 'photo.png', { type: 'image/png' });
    const notes = new File(['pdf'], 'notes.pdf', { type: 'application/pdf' });
    const extra = new File(['txt'], 'extra.txt', { type: 'text/plain' });
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    await user.upload(screen.getByLabelText('Attach files', { selector: 'input' }), [
      photo,
      notes,
      extra,
    ]);

    const list = screen.getByRole('list', { name: 'Attachments' });
    // The previews' code loads with the first attachment.
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
    // A PDF and a text file show their type, not a blank tile (".txt" is not "DOC").
    const types = [...list.querySelectorAll('.natter-file__icon')].map((i) => i.textContent);
    expect(types).toEqual(['PDF', 'TXT']);
    // The image's object URL is made in an effect, after the tile shows: wait for it under load.
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'photo.png' }).hasAttribute('src')).toBe(true),
    );
    expect(create).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Remove extra.txt' }));
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(document.activeElement).toBe(textbox);

    await user.type(textbox, 'my caption{Enter}');
    await waitFor(() =>
      expect(
        getChatStore(chat)
          .getMessages()
          .map((m) => m.type),
      ).toEqual(['image', 'file', 'text']),
    );
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    expect(textbox.value).toBe('');
    expect(revoke).toHaveBeenCalledWith(create.mock.results[0]?.value);
    const file = getChatStore(chat).getMessages()[1];
    expect(file?.type === 'file' && file.name).toBe('notes.pdf');
  });

  it('keeps a refused attachment and the caption when the store refuses the file', async () => {
    const chat = makeChat();
    const user = userEvent.setup();
    render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId} storeOptions={{ maxFileSize: 10 }}>
        <Composer />
      </ChatProvider>,
    );
    const big = new File(['x'.repeat(50)], 'big.zip', { type: 'application/zip' });
    await user.upload(screen.getByLabelText('Attach files', { selector: 'input' }), big);
    const textbox = screen.getByRole('textbox', { name: 'Message' });
    await user.type(textbox, 'see attached{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/big\.zip.*larger than/),
    );
    expect(screen.getByRole('list', { name: 'Attachments' }).textContent).toContain('big.zip');
    expect((textbox as HTMLTextAreaElement).value).toBe('see attached');
    expect(getChatStore(chat).getMessages()).toHaveLength(0);
  });

  it('attaches images pasted from the clipboard', async () => {
    const chat = makeChat();
    const { user, textbox } = renderComposer(chat);
    const shot = new File(['png'], 'image.png', { type: 'image/png' });
    fireEvent.paste(textbox, {
      clipboardData: { files: [shot], items: [], types: ['Files'], getData: () => '' },
    });
    expect(screen.getByRole('img', { name: 'image.png' })).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(
        getChatStore(chat)
          .getMessages()
          .map((m) => m.type),
      ).toEqual(['image']),
    );
  });

  it('pastes rich text as plain text', async () => {
    const chat = makeChat();
    const { user, textbox } = renderComposer(chat);
    await user.type(textbox, 'say: ');
    const data: Record<string, string> = {
      'text/html': '<b>bold</b>&nbsp;<script>alert(1)</script><i>move</i>',
      'text/plain': '',
    };
    fireEvent.paste(textbox, {
      clipboardData: {
        files: [],
        items: [],
        types: Object.keys(data),
        getData: (t: string) => data[t] ?? '',
      },
    });
    expect(textbox.value).toBe('say: bold alert(1)move');
    expect(textbox.selectionStart).toBe(textbox.value.length);
  });

  it('takes files dropped on it', async () => {
    const chat = makeChat();
    const { container } = renderComposer(chat);
    const form = container.querySelector('form');
    if (!form) throw new Error('no form');
    const file = new File(['a'], 'dropped.txt', { type: 'text/plain' });
    const dataTransfer = { files: [file], items: [], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragEnter(form, { dataTransfer });
    expect(form.hasAttribute('data-dragging')).toBe(true);
    fireEvent.drop(form, { dataTransfer });
    expect(form.hasAttribute('data-dragging')).toBe(false);
    expect(screen.getByRole('list', { name: 'Attachments' }).textContent).toContain('dropped.txt');
  });

  it('keeps the draft when it unmounts, per chat object', async () => {
    const chat = makeChat();
    const other = makeChat();
    const first = renderComposer(chat);
    await first.user.type(first.textbox, 'unfinished thought');
    first.unmount();

    const again = renderComposer(chat);
    expect(again.textbox.value).toBe('unfinished thought');
    again.unmount();
    const elsewhere = renderComposer(other);
    expect(elsewhere.textbox.value).toBe('');
  });

  it('keeps a keyed draft in sessionStorage', async () => {
    const chat = makeChat();
    const first = renderComposer(chat, { draftKey: 'room-1' });
    await first.user.type(first.textbox, 'kept');
    first.unmount();
    expect(JSON.parse(sessionStorage.getItem('natter:draft:room-1') ?? '{}')).toMatchObject({
      text: 'kept',
    });
    // A new chat object (a reload) still finds it.
    const after = renderComposer(makeChat(), { draftKey: 'room-1' });
    expect(after.textbox.value).toBe('kept');
    await after.user.type(after.textbox, '{Enter}');
    await waitFor(() => expect(sessionStorage.getItem('natter:draft:room-1')).toBeNull());
  });

  it('composes consumer handlers before its own and forwards the ref', async () => {
    const chat = makeChat();
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const ref = { current: null as HTMLFormElement | null };
    const { user, textbox } = renderComposer(chat, { onSubmit, ref, className: 'mine' });
    expect(ref.current).toBeInstanceOf(HTMLFormElement);
    expect(ref.current?.className).toBe('natter-composer mine');
    await user.type(textbox, 'blocked');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalled();
    expect(texts(chat)).toEqual([]);
  });
});
