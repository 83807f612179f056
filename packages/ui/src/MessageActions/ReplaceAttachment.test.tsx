import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import { createLocalChat, createLocalMeeting } from '@natter/core/testing';
import type { LocalChat, LocalMeetingOptions } from '@natter/core/testing';
import type { MessageActionRules } from '@natter/core';
import { ChatProvider, useMessage } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { Message } from '../Message/Message';
import { MessageActions } from './MessageActions';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
});

const png = (name: string, bytes = 64) =>
  new File([new Uint8Array(bytes)], name, { type: 'image/png' });
const pdf = (name: string, bytes = 64) =>
  new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

/** Own image and file messages and someone else's image, all confirmed; files up to 1 MB. */
async function setup(chat: LocalChat = createLocalChat({ seed: 5, latencyMs: 1, history: 0 })) {
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: chat.self.userId, maxFileSize: 1024 * 1024 });
  const stop = store.subscribe(() => undefined);
  const image = await store.sendImage(png('before.png'));
  const file = await store.sendFile(pdf('agenda.pdf'));
  const text = await store.sendText('just words');
  const other = chat.simulate.receive({
    userId: 'user-ada',
    displayName: 'Ada',
    image: png('ada.png'),
  });
  await waitFor(() => expect(store.getState().byId.get(other.id)).toBeDefined());
  stop();
  return { chat, store, imageId: image.id, fileId: file.id, textId: text.id, otherId: other.id };
}

/** A message row as the list shows it: the message (with its "edited" marker) and its menu. */
function Row({ id }: { id: string }) {
  const message = useMessage({ id });
  if (!message) return null;
  return (
    <div data-testid={id}>
      <Message message={message} />
      <MessageActions message={message} />
    </div>
  );
}

function Harness({ chat, children }: { chat: LocalChat; children: ReactNode }) {
  return (
    <ChatProvider chat={chat} selfUserId={chat.self.userId}>
      <main data-natter-theme="light">{children}</main>
    </ChatProvider>
  );
}

async function openMenu(user: ReturnType<typeof userEvent.setup>, id: string) {
  const row = screen.getByTestId(id);
  await user.click(within(row).getByRole('button', { name: /^Message actions/ }));
  return screen.getAllByRole('menuitem').map((item) => item.textContent);
}

describe('Replace image / Replace file', () => {
  it('replaces an own image after a preview; the row then says "edited" and focus returns', async () => {
    const { chat, store, imageId } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <Harness chat={chat}>
        <Row id={imageId} />
      </Harness>,
    );
    const row = screen.getByTestId(imageId);
    expect(within(row).queryByText('edited')).toBeNull();
    const before = store.getState().byId.get(imageId);

    expect(await openMenu(user, imageId)).toContain('Replace image');
    await user.click(screen.getByRole('menuitem', { name: 'Replace image' }));
    const input = container.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.accept).toBe('image/gif,image/jpeg,image/png');
    await user.upload(input as HTMLInputElement, png('after.png', 300));

    const dialog = await screen.findByRole('dialog', { name: 'Replace image' });
    await expectNoAxeViolations(document.body);
    expect(within(dialog).getByRole('img', { name: 'after.png' })).toBeDefined();
    expect(dialog.textContent).toContain('after.png');
    expect(dialog.textContent).toMatch(/after\.png300\s?B/); // as Intl writes it
    // A Latin name and "300 B" keep their own order inside a right-to-left page.
    expect(within(dialog).getByText('after.png').getAttribute('dir')).toBe('auto');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(dialog).getByRole('button', { name: 'Replace image' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = store.getState().byId.get(imageId);
    expect(after?.isEdited).toBe(true);
    expect(after?.type === 'image' && before?.type === 'image' && after.link).not.toBe(
      before?.type === 'image' ? before.link : '',
    );
    await waitFor(() => expect(within(row).getByText('edited')).toBeDefined());
    expect(document.activeElement).toBe(
      within(row).getByRole('button', { name: /^Message actions/ }),
    );
  });

  it('refuses a file over the size limit in words, in the dialog; the message keeps its file', async () => {
    const { chat, store, fileId } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <Harness chat={chat}>
        <Row id={fileId} />
      </Harness>,
    );
    expect(await openMenu(user, fileId)).toContain('Replace file');
    await user.click(screen.getByRole('menuitem', { name: 'Replace file' }));
    const input = container.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(input as HTMLInputElement, pdf('minutes.pdf', 1536 * 1024));

    const dialog = await screen.findByRole('dialog', { name: 'Replace file' });
    expect(dialog.textContent).toContain('minutes.pdf');
    await user.click(within(dialog).getByRole('button', { name: 'Replace file' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toBe(
        '"minutes.pdf" is larger than the 1 MB this chat accepts.',
      ),
    );
    const entry = store.getState().byId.get(fileId);
    expect(entry?.type === 'file' && entry.name).toBe('agenda.pdf');
    expect(entry?.isEdited).toBeFalsy();

    // Esc cancels, as Cancel does, and focus goes back to the menu button.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Message actions/);
  });

  it('is offered only on own image and file messages', async () => {
    const { chat, textId, otherId } = await setup();
    const user = userEvent.setup();
    render(
      <Harness chat={chat}>
        <Row id={textId} />
        <Row id={otherId} />
      </Harness>,
    );
    expect(await openMenu(user, textId)).not.toContain('Replace file');
    await user.keyboard('{Escape}');
    // Someone else's image: nothing to replace (nor anything else here: no menu at all).
    const other = screen.getByTestId(otherId);
    expect(within(other).queryByRole('button', { name: /^Message actions/ })).toBeNull();
    expect(other.querySelector('input[type="file"]')).toBeNull();
  });

  it.each<[string, LocalMeetingOptions, Partial<MessageActionRules>]>([
    ['files are off', { chatPublic: { files: false } }, {}],
    ['editing is off', {}, { edit: 'none' }],
  ])('is not offered when %s', async (_case, meetingOptions, rules) => {
    const meeting = createLocalMeeting({ seed: 5, latencyMs: 1, history: 0, ...meetingOptions });
    const { imageId } = await setup(meeting.chat);
    const user = userEvent.setup();
    render(
      <ChatProvider meeting={meeting} messageRules={rules}>
        <main data-natter-theme="light">
          <Row id={imageId} />
        </main>
      </ChatProvider>,
    );
    // Delete (own messages) and Pin (the SDK's default) stay; Replace image is not there.
    expect(await openMenu(user, imageId)).toEqual(['Pin', 'Delete']);
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });
});
