import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import type { ChatExportPolicy } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { DownloadChatButton } from './DownloadChatButton';
import { StringsProvider } from '../strings';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
  vi.restoreAllMocks();
});

async function makeChat() {
  const chat = createLocalChat({ seed: 5, latencyMs: 1, history: 0 });
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: chat.self.userId });
  const stop = store.subscribe(() => undefined);
  const sent = chat.simulate.receive({
    userId: 'user-ada',
    displayName: 'Ada Lovelace',
    text: 'Hi, I am Ada',
  });
  await waitFor(() => expect(store.getState().byId.has(sent.id)).toBe(true));
  stop();
  return chat;
}

/** Captures what `saveBlob` saves: the Blob and the name. */
function spySave() {
  const saved: { blob: Blob; name: string }[] = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:natter-test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ blob: blobs[blobs.length - 1] as Blob, name: this.download });
  });
  return saved;
}

/** An item's words, without the check mark (which is aria-hidden). */
const label = (el: Element | null) => el?.textContent?.replace(/^[✓\s]+/, '');

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function renderButton(chat: LocalChat, exportPolicy?: ChatExportPolicy | false) {
  return render(
    <ChatProvider chat={chat} selfUserId={chat.self.userId} exportPolicy={exportPolicy}>
      <DownloadChatButton meetingName="Standup" />
    </ChatProvider>,
  );
}

describe('DownloadChatButton export menu', () => {
  it('opens from the keyboard, picks choices, downloads them, and returns focus', async () => {
    const chat = await makeChat();
    const saved = spySave();
    const user = userEvent.setup();
    const { container } = renderButton(chat);
    const more = screen.getByRole('button', { name: 'Export options' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.focus();
    await user.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(container);
    // No Replay API: "What I can see" and "Pinned only" (no "Everything").
    const scopes = within(menu).getByRole('group', { name: 'Messages' });
    expect(within(scopes).getAllByRole('menuitemradio').map(label)).toEqual([
      'What I can see',
      'Pinned only',
    ]);
    // The first item has the focus; arrows move through the items.
    expect(label(document.activeElement)).toBe('What I can see');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(label(document.activeElement)).toBe('Markdown transcript (.md)');
    await user.keyboard('{Enter}');
    // A radio keeps the menu open and is checked.
    expect(
      screen
        .getByRole('menuitemradio', { name: 'Markdown transcript (.md)' })
        .getAttribute('aria-checked'),
    ).toBe('true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Participant 1, 2, …' }));
    await user.click(screen.getByRole('menuitem', { name: 'Download' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/^Standup chat \d{4}-\d{2}-\d{2}\.md$/);
    const text = await readBlob(saved[0]?.blob as Blob);
    expect(text).toContain('**Participant 1**');
    expect(text).not.toMatch(/Ada|Lovelace/);
  });

  it('Escape closes the menu and puts focus back on its button', async () => {
    const chat = await makeChat();
    const user = userEvent.setup();
    renderButton(chat);
    await user.click(screen.getByRole('button', { name: 'Export options' }));
    await screen.findByRole('menu');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export options' }));
  });

  it('honours the provider policy: fewer choices, or no button at all', async () => {
    const chat = await makeChat();
    const user = userEvent.setup();
    const { unmount } = renderButton(chat, {
      formats: ['txt'],
      names: ['anonymised'],
      files: false,
      excel: false,
    });
    await user.click(screen.getByRole('button', { name: 'Export options' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('group', { name: 'Format' })).toBeNull();
    expect(within(menu).queryByRole('group', { name: 'Names' })).toBeNull();
    expect(within(menu).queryByRole('menuitem', { name: 'All files (.zip)' })).toBeNull();
    expect(within(menu).queryByRole('menuitemcheckbox')).toBeNull();
    unmount();

    renderButton(chat, false);
    expect(screen.queryByRole('button', { name: 'Download chat' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export options' })).toBeNull();
  });

  it('a policy allowing only the whole record, with no Replay API here, leaves no button that could only fail', async () => {
    const chat = await makeChat();
    renderButton(chat, { scopes: ['all'] });
    expect(screen.queryByRole('button', { name: 'Download chat' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export options' })).toBeNull();
  });

  it("speaks the locale: the menu's groups and choices in French", async () => {
    const chat = await makeChat();
    const user = userEvent.setup();
    render(
      <ChatProvider chat={chat} selfUserId={chat.self.userId}>
        <StringsProvider locale="fr">
          <DownloadChatButton meetingName="Standup" />
        </StringsProvider>
      </ChatProvider>,
    );
    await user.click(await screen.findByRole('button', { name: "Options d'export" }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('group', { name: 'Quels messages' })).toBeTruthy();
    expect(within(menu).getByRole('group', { name: 'Format de fichier' })).toBeTruthy();
    expect(within(menu).getByRole('menuitemradio', { name: /Ce que je peux voir/ })).toBeTruthy();
    expect(
      within(menu).getByRole('menuitemradio', { name: /Transcription Markdown/ }),
    ).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Tous les fichiers (.zip)' })).toBeTruthy();
    // No English left in the menu.
    expect(menu.textContent).not.toMatch(
      /Everything|What I can see|Spreadsheet|Keep names|Clock|Download|All files/,
    );
  });

  it('the main button follows the policy: a transcript, anonymised, when that is all it allows', async () => {
    const chat = await makeChat();
    const saved = spySave();
    const user = userEvent.setup();
    renderButton(chat, { formats: ['txt'], names: ['anonymised'] });
    await user.click(screen.getByRole('button', { name: 'Download chat' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/\.txt$/);
    const text = await readBlob(saved[0]?.blob as Blob);
    expect(text).toMatch(/\] Participant 1: Hi, I am Participant 1/);
  });
});
