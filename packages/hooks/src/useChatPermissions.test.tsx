import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseChatStore } from '@natter/core';
import { createLocalChat, createLocalMeeting } from '@natter/core/testing';
import type { LocalChat, LocalMeetingOptions } from '@natter/core/testing';
import { ChatProvider, useChatPermissions, useParticipants } from './index';

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

function setup(options: LocalMeetingOptions = {}) {
  const meeting = createLocalMeeting({ participants: people, ...options });
  chats.push(meeting.chat);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider meeting={meeting}>{children}</ChatProvider>
  );
  const rendered = renderHook(
    () => ({ permissions: useChatPermissions(), people: useParticipants() }),
    { wrapper },
  );
  return { meeting, ...rendered };
}

describe('useChatPermissions', () => {
  it('reads meeting.self.permissions and follows the host live, with no stale copy', () => {
    const { meeting, result } = setup();
    expect(result.current.permissions.isMeeting).toBe(true);
    expect(result.current.permissions.canSend()).toBe(true);
    expect(result.current.permissions.canSendFiles('private')).toBe(true);
    act(() => meeting.host.setPermissions({ chatPublic: { canSend: false } }));
    expect(result.current.permissions.canSend()).toBe(false);
    expect(result.current.permissions.canSend('private')).toBe(true);
    // The preset mutated its own object: what we hand out is a snapshot of it now.
    expect(meeting.self.permissions.chatPublic.canSend).toBe(false);
    act(() => meeting.host.setPermissions({ chatPublic: { canSend: true, files: false } }));
    expect(result.current.permissions.canSend()).toBe(true);
    expect(result.current.permissions.canSendText()).toBe(true);
    expect(result.current.permissions.canSendFiles()).toBe(false);
    act(() => meeting.host.setPermissions({ chatPrivate: { canSend: false } }));
    expect(result.current.permissions.canSend('private')).toBe(false);
  });

  it('a preset without private chat allows no private sends', () => {
    const { result } = setup({ chatPrivate: null });
    expect(result.current.permissions.canSend()).toBe(true);
    expect(result.current.permissions.canSend('private')).toBe(false);
  });

  it('edit and delete are the author’s, pins anyone’s (the SDK rule), unless the app says otherwise', () => {
    const { meeting, result } = setup();
    const own = { userId: meeting.self.userId };
    const other = { userId: 'u-ana' };
    const p = result.current.permissions;
    expect([p.canAct('edit', own), p.canAct('delete', own), p.canAct('pin', own)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([p.canAct('edit', other), p.canAct('delete', other), p.canAct('unpin', other)]).toEqual([
      false,
      false,
      true,
    ]);

    const strict = createLocalMeeting({ participants: people });
    chats.push(strict.chat);
    const { result: overridden } = renderHook(() => useChatPermissions(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ChatProvider meeting={strict} messageRules={{ pin: 'own', delete: 'any' }}>
          {children}
        </ChatProvider>
      ),
    });
    expect(overridden.current.canAct('pin', other)).toBe(false);
    expect(overridden.current.canAct('delete', other)).toBe(true);
  });

  it('a bare chat allows every send and keeps pins off, as before meetings', () => {
    const chat = createLocalChat();
    chats.push(chat);
    const { result } = renderHook(() => useChatPermissions(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ChatProvider chat={chat} selfUserId={chat.self.userId}>
          {children}
        </ChatProvider>
      ),
    });
    expect(result.current.isMeeting).toBe(false);
    expect(result.current.canSend()).toBe(true);
    expect(result.current.canSendFiles('private')).toBe(true);
    expect(result.current.canAct('pin', { userId: chat.self.userId })).toBe(false);
    expect(result.current.canAct('delete', { userId: chat.self.userId })).toBe(true);
  });
});

describe('useParticipants', () => {
  it('names who is in the room, live, and keeps the names of people who left', () => {
    const { meeting, result } = setup({ joined: ['u-ana'] });
    const names = () => result.current.people.participants.map((p) => `${p.name}:${p.status}`);
    expect(names()).toEqual(['You:joined', 'Ana:joined']);
    expect(result.current.people.others.map((p) => p.id)).toEqual(['p-ana']);
    act(() => meeting.host.join('u-bo'));
    expect(names()).toEqual(['You:joined', 'Ana:joined', 'Bo:joined']);
    act(() => meeting.host.leave('u-ana'));
    expect(names()).toEqual(['You:joined', 'Bo:joined', 'Ana:left']);
    expect(result.current.people.others.map((p) => p.name)).toEqual(['Bo']);
    expect(result.current.people.nameOf('u-ana')).toBe('Ana');
    expect(result.current.people.nameOf('u-nobody', 'Someone')).toBe('Someone');
  });

  it('keeps the same array while nothing changes', () => {
    const { meeting, result, rerender } = setup();
    const first = result.current.people.participants;
    rerender();
    act(() => meeting.host.setPermissions({ chatPublic: { files: false } }));
    expect(result.current.people.participants).toBe(first);
  });
});
