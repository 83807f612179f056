/** Composer: attachments (pick, paste, drop, refusal), pasted rich text, drafts, composed handlers. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getChatStore } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { Composer } from './Composer';
import { makeChat, disposeChats, texts, renderComposer } from '../../test/composerSetup';

disposeChats();

describe('Composer', () => {
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
