import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DumpMessage } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { expectNoAxeViolations } from '../../test/axe';
import { ReplayView } from './ReplayView';

// jsdom has no layout: a 600 px log and 40 px rows let the virtualizer render rows.
const restore: (() => void)[] = [];
beforeEach(() => {
  const proto = HTMLElement.prototype;
  for (const [key, get] of [
    [
      'offsetHeight',
      function (this: HTMLElement) {
        return this.hasAttribute('data-natter-row') ? 40 : 0;
      },
    ],
    [
      'clientHeight',
      function (this: HTMLElement) {
        return this.getAttribute('role') === 'log' ? 600 : 0;
      },
    ],
    [
      'clientWidth',
      function (this: HTMLElement) {
        return this.getAttribute('role') === 'log' ? 320 : 0;
      },
    ],
  ] as const) {
    const previous = Object.getOwnPropertyDescriptor(proto, key);
    Object.defineProperty(proto, key, { configurable: true, get });
    restore.push(() =>
      previous
        ? Object.defineProperty(proto, key, previous)
        : delete (proto as unknown as Record<string, unknown>)[key],
    );
  }
});
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

const T0 = Date.UTC(2026, 2, 3, 9, 0);
function dump(i: number, over: Partial<DumpMessage>): DumpMessage {
  return {
    id: `d${i}`,
    userId: 'p-ada',
    displayName: 'Ada',
    time: new Date(T0 + i * 60_000),
    sessionId: 's1',
    meetingId: 'm1',
    payloadType: 'TEXT_MESSAGE',
    type: 'text',
    message: `line ${i}`,
    ...over,
  } as DumpMessage;
}

const messages: DumpMessage[] = [
  dump(1, { message: 'Budget review at noon' }),
  dump(2, { userId: 'p-bob', displayName: 'Bob', message: 'the budget looks fine', pinned: true }),
  dump(3, {
    type: 'image',
    link: 'https://cdn.example.com/chart.png',
    payloadType: 'IMAGE_MESSAGE',
  } as Partial<DumpMessage>),
  dump(4, {
    userId: 'p-bob',
    displayName: 'Bob',
    type: 'file',
    link: 'https://cdn.example.com/b.xlsx',
    name: 'budget.xlsx',
    size: 2048,
    payloadType: 'FILE_MESSAGE',
  } as Partial<DumpMessage>),
];

const rows = () => within(screen.getByRole('log')).queryAllByRole('article');

describe('ReplayView', () => {
  it('shows a dump read-only and filters it by search, participant, type and pins', async () => {
    const user = userEvent.setup();
    const { container } = render(<ReplayView messages={messages} />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await expectNoAxeViolations(container);
    expect(screen.getByRole('region', { name: 'Chat replay' })).toBeTruthy();
    expect(screen.getByText('4 of 4 messages')).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'budget');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Budget',
      'budget',
    ]);
    expect(screen.getByText('3 of 4 messages')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Participant' }), 'p-bob');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'file');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByRole('link', { name: 'Download budget.xlsx' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), '');
    await user.click(screen.getByRole('checkbox', { name: 'Pinned only' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.dataset.state).toBe('pinned');

    await user.clear(screen.getByRole('searchbox', { name: 'Search messages' }));
    await user.type(
      screen.getByRole('searchbox', { name: 'Search messages' }),
      'nothing like this',
    );
    await waitFor(() => expect(screen.getByText('No messages match the filters.')).toBeTruthy());
    await expectNoAxeViolations(container);
  });

  it('opens a CSV export from a file input', async () => {
    const user = userEvent.setup();
    const csv =
      'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n' +
      'a1,p-ada,s1,m1,Ada,false,false,TEXT_MESSAGE,"hello, ""world""",2026-03-03T09:00:00.000Z\r\n' +
      'a2,p-bob,s1,m1,Bob,true,false,TEXT_MESSAGE,second,2026-03-03T09:01:00.000Z\r\n';
    const { container } = render(<ReplayView />);
    await expectNoAxeViolations(container);
    const input = screen.getByLabelText('Open a chat export (.csv)') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.csv');
    await user.upload(input, new File([csv], 'chat.csv', { type: 'text/csv' }));
    await waitFor(() => expect(rows()).toHaveLength(2), { timeout: 3000 });
    expect(rows()[0]?.textContent).toContain('hello, "world"');
    expect(rows()[1]?.dataset.state).toBe('pinned');
  });

  it("shows the viewer's messages as own: viewerUserId, else the provider's self", async () => {
    const origins = () => rows().map((row) => row.dataset.origin);
    const { rerender, unmount } = render(<ReplayView messages={messages} />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(origins()).toEqual(['remote', 'remote', 'remote', 'remote']);

    rerender(<ReplayView messages={messages} viewerUserId="p-bob" />);
    await waitFor(() => expect(origins()).toEqual(['remote', 'local', 'remote', 'local']));
    rerender(<ReplayView messages={messages} viewerUserId="p-ada" />);
    await waitFor(() => expect(origins()).toEqual(['local', 'remote', 'local', 'remote']));
    unmount();

    // Replayed inside a meeting's provider (as ChatPanel does): who self is there.
    const chat = createLocalChat({ latencyMs: 0, history: 0 });
    render(
      <ChatProvider chat={chat} selfUserId="p-bob">
        <ReplayView messages={messages} />
      </ChatProvider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(origins()).toEqual(['remote', 'local', 'remote', 'local']);
  });
});
