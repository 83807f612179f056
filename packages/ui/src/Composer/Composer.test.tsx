import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getChatStore } from '@natter/core';
import { expectNoAxeViolations } from '../../test/axe';
import { Composer } from './Composer';
import { makeChat, disposeChats, Providers, texts, renderComposer } from '../../test/composerSetup';

disposeChats();

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
});
