import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalChat, LocalMeeting, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider, useMessage } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { MessageActions } from '../MessageActions/MessageActions';
import { PinBar } from '../PinBar/PinBar';
import { StringsProvider } from '../strings';
import { Composer } from './Composer';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

function meetingOf(options: LocalMeetingOptions = {}): LocalMeeting {
  const meeting = createLocalMeeting({ seed: 9, latencyMs: 1, history: 0, ...options });
  chats.push(meeting.chat);
  return meeting;
}

describe('Composer under the host’s permissions', () => {
  it('is replaced by a notice when the host turns chat off, and comes back when it is on', async () => {
    const meeting = meetingOf();
    const user = userEvent.setup();
    const { container } = render(
      <ChatProvider meeting={meeting}>
        <main data-natter-theme="light">
          <Composer />
        </main>
      </ChatProvider>,
    );
    const textbox = screen.getByRole('textbox', { name: 'Message' });
    await user.type(textbox, 'draft kept');
    act(() => meeting.host.setPermissions({ chatPublic: { canSend: false } }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('The host has turned off chat');
    expect(container.querySelector('form')?.getAttribute('data-permission')).toBe('off');
    await expectNoAxeViolations(container);
    // Nothing left to type into, and Enter on the page sends nothing.
    await user.keyboard('{Enter}');
    expect(getChatStore(meeting.chat).getMessages()).toHaveLength(0);

    act(() => meeting.host.setPermissions({ chatPublic: { canSend: true } }));
    const back = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(back.value).toBe('draft kept');
    await user.type(back, '{Enter}');
    await waitFor(() =>
      expect(
        getChatStore(meeting.chat)
          .getMessages()
          .map((m) => m.status),
      ).toEqual(['sent']),
    );
  });

  it('says so in its own words when the app overrides the notice', () => {
    const meeting = meetingOf({ chatPublic: { canSend: false } });
    render(
      <ChatProvider meeting={meeting}>
        <StringsProvider strings={{ chatOff: 'Chat is paused for the keynote' }}>
          <Composer />
        </StringsProvider>
      </ChatProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Chat is paused for the keynote');
  });

  it('hides attach when files are off and refuses dropped files with a readable reason', async () => {
    const meeting = meetingOf({ chatPublic: { files: false } });
    const { container } = render(
      <ChatProvider meeting={meeting}>
        <main data-natter-theme="light">
          <Composer />
        </main>
      </ChatProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
    expect(container.querySelector('input[type="file"]')).toBeNull();
    const form = container.querySelector('form');
    if (!form) throw new Error('no form');
    const file = new File(['a'], 'notes.pdf', { type: 'application/pdf' });
    fireEvent.drop(form, { dataTransfer: { files: [file], items: [], types: ['Files'] } });
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('The host has turned off files');
    await expectNoAxeViolations(container);

    act(() => meeting.host.setPermissions({ chatPublic: { files: true } }));
    expect(screen.getByRole('button', { name: 'Attach files' })).not.toBeNull();
  });

  it('explains itself when only files may be sent', () => {
    const meeting = meetingOf({ chatPublic: { text: false } });
    render(
      <ChatProvider meeting={meeting}>
        <Composer />
      </ChatProvider>,
    );
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(textbox.disabled).toBe(true);
    expect(textbox.placeholder).toBe('Only files can be sent here');
    expect(screen.getByRole('button', { name: 'Attach files' })).not.toBeNull();
  });

  it('a private composer follows chatPrivate, not chatPublic', () => {
    const meeting = meetingOf({ chatPrivate: { canSend: false } });
    render(
      <ChatProvider meeting={meeting}>
        <Composer peerIds={['peer-1']} />
        <Composer />
      </ChatProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('The host has turned off private messages');
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });
});

describe('Message actions under a meeting’s rule', () => {
  function Row({ id }: { id: string }) {
    const message = useMessage({ id });
    return message ? <MessageActions message={message} /> : null;
  }

  it('offers edit and delete on own messages only and pins by the rule, never more', async () => {
    const meeting = meetingOf();
    const store = getChatStore(meeting.chat, { selfUserId: meeting.chat.self.userId });
    const stop = store.subscribe(() => undefined);
    const own = await store.sendText('mine');
    const other = meeting.chat.simulate.receive({ text: 'theirs' });
    await waitFor(() => expect(store.getState().byId.get(other.id)).toBeDefined());
    stop();
    const user = userEvent.setup();
    render(
      <ChatProvider meeting={meeting} messageRules={{ pin: 'own' }}>
        <ul>
          <li data-testid="own">
            <Row id={own.id} />
          </li>
          <li data-testid="other">
            <Row id={other.id} />
          </li>
        </ul>
      </ChatProvider>,
    );
    const names = () => screen.getAllByRole('menuitem').map((item) => item.textContent);
    await user.click(
      within(screen.getByTestId('own')).getByRole('button', { name: /^Message actions/ }),
    );
    expect(names()).toEqual(['Pin', 'Copy text', 'Delete']);
    await user.keyboard('{Escape}');
    await user.click(
      within(screen.getByTestId('other')).getByRole('button', { name: /^Message actions/ }),
    );
    expect(names()).toEqual(['Copy text']);
  });

  it('shows a refused unpin in words in the pin bar, never a raw code', async () => {
    const meeting = meetingOf();
    meeting.chat.unpin = () =>
      Promise.reject(
        Object.assign(new Error('[forbidden] You may only change your own messages.'), {
          code: 'forbidden',
        }),
      );
    const user = userEvent.setup();
    render(
      <ChatProvider meeting={meeting}>
        <PinBar canPin />
      </ChatProvider>,
    );
    await waitFor(() => expect(getChatStore(meeting.chat).getState().status).toBe('ready'));
    act(() => {
      const message = meeting.chat.simulate.receive({ text: 'pinned by the host' });
      meeting.chat.simulate.flush();
      meeting.chat.simulate.pin(message.id);
      meeting.chat.simulate.flush();
    });
    const bar = await screen.findByRole('region', { name: '1 pinned message' });
    await user.click(within(bar).getByRole('button', { name: 'Unpin' }));
    await waitFor(() =>
      expect(within(bar).getByRole('alert').textContent).toBe(
        'You may only change your own messages.',
      ),
    );
  });
});
