/**
 * Natter's meeting hooks over the REAL RealtimeKit 2.0.2 and Dyte 3.1.11 clients, offline: the
 * host's preset change arrives as the SDK's own socket frame and `useChatPermissions` follows it
 * live; a private conversation's history comes from the SDK (RealtimeKit: `fetchPrivateMessages`).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore } from '@natter/core';
import type { ChatLike, MeetingLike } from '@natter/core';
import {
  ChatProvider,
  EVERYONE,
  useChatPermissions,
  useConversations,
  useParticipants,
} from '@natter/hooks';
import { createDyteHarness } from '../src/createDyteHarness';
import { createRealtimeKitHarness } from '../src/createRealtimeKitHarness';
import type { Harness, HarnessOptions } from '../src/harnessTypes';

type AnyHarness = Harness<unknown, unknown>;
const ANA = { userId: 'ana-user', displayName: 'Ana' };
const BO = { userId: 'bo-user', displayName: 'Bo' };

const SDKS: { name: string; create: (o?: HarnessOptions) => Promise<AnyHarness> }[] = [
  { name: 'RealtimeKit 2.0.2', create: (o) => createRealtimeKitHarness(o) as Promise<AnyHarness> },
  { name: 'Dyte 3.1.11', create: (o) => createDyteHarness(o) as Promise<AnyHarness> },
];

const open: AnyHarness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    releaseChatStore(h.chat as ChatLike);
    await h.dispose();
  }
});

async function setup(
  create: (o?: HarnessOptions) => Promise<AnyHarness>,
  options?: HarnessOptions,
) {
  const h = await create(options);
  open.push(h);
  const meeting = h.meeting as MeetingLike;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider meeting={meeting}>{children}</ChatProvider>
  );
  const hook = renderHook(
    () => ({
      permissions: useChatPermissions(),
      conversations: useConversations(),
      people: useParticipants(),
    }),
    { wrapper },
  );
  return { h, meeting, ...hook };
}

/** The texts of the open conversation, as the store lists them. */
function shown(meeting: MeetingLike, ids: { length: number; at(i: number): string | undefined }) {
  const byId = getChatStore(meeting.chat).getState().byId;
  return Array.from({ length: ids.length }, (_, i) => {
    const entry = byId.get(ids.at(i) ?? '');
    return entry?.type === 'text' ? entry.message : entry?.type;
  });
}

describe.each(SDKS)('meeting hooks over the real $name client', ({ create }) => {
  it('reads the preset and follows the host’s live change (permissionsUpdate), with no stale copy', async () => {
    const { h, meeting, result } = await setup(create, {
      chatPermissions: { private: { can_send: false } },
    });
    expect(result.current.permissions.isMeeting).toBe(true);
    expect(result.current.permissions.canSend()).toBe(true);
    expect(result.current.permissions.canSendFiles()).toBe(true);
    expect(result.current.permissions.canSend('private')).toBe(false);
    const chatPublic = meeting.self.permissions?.chatPublic;

    act(() => h.server.updateChatPermissions({ public: { canSend: false } }));
    await waitFor(() => expect(result.current.permissions.canSend()).toBe(false));
    // The SDK merged the change into its own object (the one read at start).
    expect(chatPublic?.canSend).toBe(false);

    act(() =>
      h.server.updateChatPermissions({
        public: { canSend: true, files: false },
        private: { canSend: true },
      }),
    );
    await waitFor(() => expect(result.current.permissions.canSend()).toBe(true));
    expect(result.current.permissions.canSendFiles()).toBe(false);
    expect(result.current.permissions.canSendText()).toBe(true);
    expect(result.current.permissions.canSend('private')).toBe(true);
  });

  it('files a private message under its conversation and opens it with its history', async () => {
    const start = Date.parse('2026-01-01T09:00:00Z');
    const { h, meeting, result } = await setup(create, {
      history: [
        { ...BO, id: 'p0', text: 'hello everyone', time: start },
        {
          ...ANA,
          id: 'p1',
          text: 'just between us',
          time: start + 1000,
          targetUserIds: [ANA.userId, 'self-user'],
        },
      ],
    });
    await waitFor(() =>
      expect(shown(meeting, result.current.conversations.current.ids)).toEqual(['hello everyone']),
    );
    const before = h.server.received.length;
    act(() => result.current.conversations.setActive(ANA.userId));
    await waitFor(() =>
      expect(shown(meeting, result.current.conversations.current.ids)).toEqual(['just between us']),
    );
    expect(result.current.conversations.conversations.map((c) => c.key)).toEqual([
      EVERYONE,
      ANA.userId,
    ]);
    const privatePages = () =>
      h.server.received
        .slice(before)
        .filter((r) => r.event === 'getPaginatedMessages')
        .map(
          (r) => (r.request.filters as { filters?: { oneofKind?: string } } | undefined)?.filters,
        )
        .filter((f) => f?.oneofKind === 'userId');
    if ('fetchPrivateMessages' in (meeting.chat as object)) {
      // RealtimeKit: the conversation's history is asked for with the SDK's own private page.
      await waitFor(() =>
        expect(privatePages()).toEqual([
          expect.objectContaining({ oneofKind: 'userId', userId: ANA.userId }),
        ]),
      );
    } else {
      // Dyte 3 has no private history call: what arrived on join is all there is.
      expect(privatePages()).toEqual([]);
    }
  });

  it('names the people in the room, including one who joins later', async () => {
    const { h, result } = await setup(create, {
      participants: [{ peerId: 'ana-peer', ...ANA }],
    });
    await waitFor(() => expect(result.current.people.others.map((p) => p.name)).toEqual(['Ana']));
    expect(result.current.people.get(ANA.userId)).toMatchObject({
      id: 'ana-peer',
      status: 'joined',
    });
    act(() => h.server.peerJoined({ peerId: 'bo-peer', ...BO }));
    await waitFor(() =>
      expect(result.current.people.others.map((p) => p.name)).toEqual(['Ana', 'Bo']),
    );
    expect(result.current.people.nameOf(BO.userId)).toBe('Bo');
  });
});
