import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalChat, LocalMeeting, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatPanel } from './ChatPanel';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

const people = [
  { userId: 'u-ana', displayName: 'Ana', peerId: 'p-ana' },
  { userId: 'u-bo', displayName: 'Bo', peerId: 'p-bo' },
];

function meetingOf(options: LocalMeetingOptions = {}): LocalMeeting {
  const meeting = createLocalMeeting({
    seed: 3,
    latencyMs: 1,
    history: 0,
    participants: people,
    ...options,
  });
  chats.push(meeting.chat);
  return meeting;
}

function renderPanel(meeting: LocalMeeting) {
  return render(
    <ChatProvider meeting={meeting}>
      <main data-natter-theme="light" style={{ height: 600 }}>
        <ChatPanel />
      </main>
    </ChatProvider>,
  );
}

const stored = (meeting: LocalMeeting) => getChatStore(meeting.chat).getMessages();

describe('ChatPanel private conversations', () => {
  it('offers everyone and each person as recipients; a private send goes only to that person', async () => {
    const meeting = meetingOf();
    const user = userEvent.setup();
    const { container } = renderPanel(meeting);
    const to = screen.getByRole('combobox', { name: 'To' });
    expect(
      within(to)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Everyone', 'Ana', 'Bo']);
    // No switcher while there is no private conversation.
    expect(screen.queryByRole('navigation', { name: 'Conversations' })).toBeNull();
    await user.selectOptions(to, 'Ana');
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box.getAttribute('placeholder')).toBe('Private message to Ana');
    await user.type(box, 'just us{Enter}');
    await waitFor(() => expect(stored(meeting).map((m) => m.status)).toEqual(['sent']));
    expect(stored(meeting)[0]?.targetUserIds).toEqual(['u-ana', 'user-self']);
    // The switcher now shows the conversation, open.
    const nav = await screen.findByRole('navigation', { name: 'Conversations' });
    expect(within(nav).getByRole('button', { name: 'Ana' }).getAttribute('aria-current')).toBe(
      'true',
    );
    await expectNoAxeViolations(container);
  });

  it('counts unread private messages, lists each conversation apart and opens it by keyboard', async () => {
    const meeting = meetingOf();
    const user = userEvent.setup();
    renderPanel(meeting);
    act(() => {
      meeting.chat.simulate.receive({ userId: 'u-bo', text: 'hello all' });
      meeting.chat.simulate.receive({ userId: 'u-ana', text: 'psst', private: true });
    });
    const nav = await screen.findByRole('navigation', { name: 'Conversations' });
    const ana = await within(nav).findByRole('button', { name: 'Ana, 1 unread' });
    const log = screen.getByRole('log');
    await waitFor(() => expect(log.textContent).toContain('hello all'));
    expect(log.textContent).not.toContain('psst');
    ana.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('log').textContent).toContain('psst'));
    expect(screen.getByRole('log').textContent).not.toContain('hello all');
    expect(within(nav).getByRole('button', { name: 'Ana' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect((screen.getByRole('combobox', { name: 'To' }) as HTMLSelectElement).value).toBe('u-ana');
  });

  it('when the other person leaves, the composer says so and sends nothing, never publicly', async () => {
    const meeting = meetingOf();
    const user = userEvent.setup();
    renderPanel(meeting);
    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), 'Bo');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'still there?');
    act(() => meeting.host.leave('u-bo'));
    expect(screen.getByText(/^Bo has left/).getAttribute('role')).toBe('status');
    expect(screen.getByText(/^Bo has left/).textContent).toBe(
      'Bo has left the meeting: private messages no longer reach them',
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.keyboard('{Enter}');
    expect(stored(meeting)).toHaveLength(0);
    // Bo is back: the draft is still there and goes to Bo alone.
    act(() => meeting.host.join('u-bo'));
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('still there?');
    await user.type(box, '{Enter}');
    await waitFor(() => expect(stored(meeting).map((m) => m.status)).toEqual(['sent']));
    expect(stored(meeting)[0]?.targetUserIds).toEqual(['u-bo', 'user-self']);
  });
});
