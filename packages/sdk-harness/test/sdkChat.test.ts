/**
 * The real `meeting.chat` of RealtimeKit 2.0.2 and Dyte web-core 3.1.11, offline, against the
 * harness server. Each assertion records an observed behaviour; where the SDKs differ the
 * expectation is in `BEHAVIOUR` (`behaviour.ts`), so the table reads as documentation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getChatStore, releaseChatStore, sendCustom } from '@natter/core';
import type { ChatLike, ChatUpdateEvent, PinEvent } from '@natter/core';
import { createDyteHarness } from '../src/createDyteHarness';
import { createRealtimeKitHarness } from '../src/createRealtimeKitHarness';
import { recordChatEvents, waitForChatEvent } from '../src/chatEvents';
import type { ChatEmitter, Harness, HarnessOptions } from '../src/harnessTypes';
import { BEHAVIOUR } from './behaviour';

/** The members of `meeting.chat` these tests call, common to both SDKs. */
interface TestChat extends ChatEmitter {
  messages: Record<string, unknown>[];
  maxTextLimit: number;
  readonly rateLimits: { maxInvocations: number; period: number };
  sendTextMessage(text: string, peerIds?: string[]): Promise<void>;
  editTextMessage(id: string, text: string): Promise<void>;
  deleteMessage(id: string): Promise<void>;
  pin(id: string): Promise<void>;
  unpin(id: string): Promise<void>;
}

type AnyHarness = Harness<unknown, TestChat>;

const SDKS: {
  name: 'RealtimeKit 2.0.2' | 'Dyte 3.1.11';
  create: (o?: HarnessOptions) => Promise<AnyHarness>;
}[] = [
  {
    name: 'RealtimeKit 2.0.2',
    create: (o) => createRealtimeKitHarness(o) as unknown as Promise<AnyHarness>,
  },
  { name: 'Dyte 3.1.11', create: (o) => createDyteHarness(o) as unknown as Promise<AnyHarness> },
];

const BOB = { userId: 'bob', displayName: 'Bob' };

function describeEvents(events: { name: string; payload: unknown }[]): string[] {
  return events.map((e) =>
    e.name === 'chatUpdate' ? `chatUpdate:${(e.payload as ChatUpdateEvent).action}` : e.name,
  );
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}

let current: AnyHarness | undefined;
afterEach(async () => {
  await current?.dispose();
  current = undefined;
});

async function start(
  create: (o?: HarnessOptions) => Promise<AnyHarness>,
  options?: HarnessOptions,
): Promise<AnyHarness> {
  current = await create(options);
  return current;
}

describe.each(SDKS)('$name meeting.chat, offline', ({ name, create }) => {
  const expected = BEHAVIOUR[name];

  it('initialises and joins with no network', async () => {
    const h = await start(create);
    const meeting = h.meeting as { self: { roomJoined: boolean; userId: string; name: string } };
    expect(meeting.self.roomJoined).toBe(true);
    expect(meeting.self.userId).toBe('self-user');
    expect(meeting.self.name).toBe('Self');
    // Every REST call went to the harness's fetch; the SDK joined the socket room as itself.
    expect(h.server.fetches.some((f) => f.url.endsWith('/v2/internals/participant-details'))).toBe(
      true,
    );
    expect(h.server.received.map((r) => r.event)).toContain('getMessages');
  });

  it('own sendTextMessage: no local echo, comes back exactly once as chatUpdate add', async () => {
    const h = await start(create);
    const recorder = recordChatEvents(h.chat);
    const before = h.chat.messages;
    const echo = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'add');
    await h.chat.sendTextMessage('hello from me');
    // Resolved, but nothing emitted and nothing added yet: the message exists only once the
    // server's broadcast arrives.
    expect(recorder.events).toEqual([]);
    expect(h.chat.messages).toHaveLength(0);
    const added = await echo;
    expect(added.message).toMatchObject({
      type: 'text',
      message: 'hello from me',
      userId: 'self-user',
      displayName: 'Self',
      isEdited: false,
      pinned: false,
    });
    expect(h.server.received.filter((r) => r.event === 'sendMessageToRoom')).toHaveLength(1);
    expect(h.server.received.find((r) => r.event === 'sendMessageToRoom')?.request).toMatchObject({
      payloadType: 0,
      payload: 'hello from me',
    });
    // An add replaces the array: `messages` is a new array, and it is chat.messages.
    expect(added.messages).not.toBe(before);
    expect(added.messages).toBe(h.chat.messages);
    // Frames arrive in order, so after a later broadcast a duplicate echo would have shown up.
    await h.server.remote.sendText({ ...BOB, text: 'barrier' });
    expect(
      recorder
        .updates()
        .filter(
          (u) =>
            u.action === 'add' && (u.message as { message?: string }).message === 'hello from me',
        ),
    ).toHaveLength(1);
    expect(h.chat.messages.map((m) => m.message)).toEqual(['hello from me', 'barrier']);
    recorder.stop();
  });

  it('sendCustom (the SDK’s sendCustomMessage): sent as a custom payload, echoed as type custom, into the store', async () => {
    const h = await start(create);
    const chat = h.chat as unknown as ChatLike;
    const store = getChatStore(chat, { selfUserId: 'self-user' });
    const unsubscribe = store.subscribe(() => undefined);
    const echo = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'add');
    const poll = JSON.stringify({ poll: 'Lunch?', options: ['Pizza', 'Soup'] });
    await sendCustom(chat, {
      type: 'custom',
      message: poll,
      html: '<b>note</b>',
      files: ['https://files.example/a.pdf'],
    });
    const added = await echo;
    expect(added.message).toMatchObject({
      type: 'custom',
      message: poll,
      html: '<b>note</b>',
      files: [{ link: 'https://files.example/a.pdf' }],
      userId: 'self-user',
    });
    expect(h.server.received.find((r) => r.event === 'sendMessageToRoom')?.request).toMatchObject({
      payloadType: 3,
    });
    await expect.poll(() => store.getMessages().map((m) => m.type)).toEqual(['custom']);
    expect(store.getMessages()[0]).toMatchObject({ message: poll, html: '<b>note</b>' });
    unsubscribe();
    releaseChatStore(chat);
  });

  it('remote add: message shape and time precision', async () => {
    const h = await start(create);
    const time = new Date('2025-01-02T03:04:05.678Z');
    const { id, emitted } = await h.server.remote.sendText({ ...BOB, text: 'hi', time });
    expect(describeEvents(emitted)).toEqual(['chatUpdate:add']);
    const event = emitted[0]?.payload as ChatUpdateEvent;
    const message = event.message as unknown as Record<string, unknown>;
    expect(Object.keys(message).sort()).toEqual([...expected.messageKeys]);
    expect(message).toMatchObject({
      id,
      type: 'text',
      message: 'hi',
      userId: 'bob',
      displayName: 'Bob',
      isEdited: false,
      pinned: false,
      targetUserIds: [],
    });
    // Text messages carry the other kinds' fields empty.
    expect(message).toMatchObject({
      link: '',
      name: '',
      html: '',
      images: [],
      videos: [],
      files: [],
      size: 0,
    });
    // `time` is whole seconds (createdAt * 1000); `timeMs` carries the milliseconds.
    expect(message.time).toEqual(new Date('2025-01-02T03:04:05.000Z'));
    expect(message.timeMs).toBe(time.getTime());
  });

  it('remote edit: chatUpdate edit, same array mutated in place, message object replaced', async () => {
    const h = await start(create);
    const { id } = await h.server.remote.sendText({ ...BOB, text: 'first' });
    const array = h.chat.messages;
    const original = h.chat.messages[0];
    const { emitted } = await h.server.remote.edit(id, 'second');
    expect(describeEvents(emitted)).toEqual(['chatUpdate:edit']);
    const event = emitted[0]?.payload as ChatUpdateEvent;
    expect(event.message).toMatchObject({ id, message: 'second', isEdited: true });
    expect(event.messages).toBe(array);
    expect(h.chat.messages).toBe(array);
    expect(h.chat.messages[0]).toBe(event.message);
    expect(h.chat.messages[0]).not.toBe(original);
  });

  it('remote delete: chatUpdate delete with the full message, spliced in place', async () => {
    const h = await start(create);
    const { id } = await h.server.remote.sendText({ ...BOB, text: 'to delete' });
    const array = h.chat.messages;
    const original = h.chat.messages[0];
    const { emitted } = await h.server.remote.delete(id);
    expect(describeEvents(emitted)).toEqual(['chatUpdate:delete']);
    const event = emitted[0]?.payload as ChatUpdateEvent;
    expect(event.message).toBe(original);
    expect(event.messages).toBe(array);
    expect(h.chat.messages).toHaveLength(0);
  });

  it('remote pin and unpin: the events each SDK emits', async () => {
    const h = await start(create);
    const { id } = await h.server.remote.sendText({ ...BOB, text: 'pin me' });
    const array = h.chat.messages;
    const original = h.chat.messages[0];
    const pinned = await h.server.remote.pin(id);
    expect(describeEvents(pinned.emitted)).toEqual([...expected.pinEvents]);
    const edit = pinned.emitted[0]?.payload as ChatUpdateEvent;
    expect(edit.message).toMatchObject({ id, pinned: true, message: 'pin me' });
    expect(edit.messages).toBe(array);
    expect(h.chat.messages[0] === original).toBe(expected.pinKeepsMessageObject);
    for (const e of pinned.emitted.slice(1)) {
      expect((e.payload as PinEvent).message).toBe(edit.message);
      expect((e.payload as PinEvent).messages).toBe(array);
    }
    const unpinned = await h.server.remote.unpin(id);
    expect(describeEvents(unpinned.emitted)).toEqual([...expected.unpinEvents]);
    expect((unpinned.emitted[0]?.payload as ChatUpdateEvent).message).toMatchObject({
      id,
      pinned: false,
    });
  });

  it('edit, delete and pin of an id the client does not know', async () => {
    const h = await start(create);
    const edit = await h.server.remote.edit('nope-1', 'text');
    expect(describeEvents(edit.emitted)).toEqual([...expected.unknownEditEvents]);
    const del = await h.server.remote.delete('nope-2');
    expect(describeEvents(del.emitted)).toEqual([...expected.unknownDeleteEvents]);
    if (del.emitted[0]) {
      // RealtimeKit: the message is just the id.
      expect((del.emitted[0].payload as ChatUpdateEvent).message).toEqual({ id: 'nope-2' });
    }
    const pin = await h.server.remote.pin('nope-3');
    expect(describeEvents(pin.emitted)).toEqual([...expected.unknownPinEvents]);
    // None of them adds anything to `messages`.
    expect(h.chat.messages).toHaveLength(0);
  });

  it('own editTextMessage / deleteMessage resolve before the server answers; events follow', async () => {
    const h = await start(create);
    const { id } = await h.server.remote.sendText({ ...BOB, text: 'v1' });
    const recorder = recordChatEvents(h.chat);
    const edited = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'edit');
    await h.chat.editTextMessage(id, 'v2');
    expect(recorder.events).toEqual([]);
    expect((await edited).message).toMatchObject({ id, message: 'v2', isEdited: true });
    expect(h.server.received.find((r) => r.event === 'editMessage')?.request).toMatchObject({
      chatId: id,
      payloadType: 0,
      payload: 'v2',
    });
    const deleted = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'delete');
    await h.chat.deleteMessage(id);
    expect((await deleted).message).toMatchObject({ id, message: 'v2' });
    expect(h.chat.messages).toHaveLength(0);
    recorder.stop();
  });

  it('a server refusal of an own edit / delete is silent: resolves, no event, no rejection', async () => {
    // The harness server refuses unknown ids with an error frame. The SDK's request promise
    // rejects, but its tracing decorator attaches a catch to it, so nothing surfaces (vitest
    // would fail the run on an unhandled rejection).
    const h = await start(create);
    const recorder = recordChatEvents(h.chat);
    const edit = h.server.nextRequest('editMessage');
    await h.chat.editTextMessage('missing-1', 'x');
    await edit;
    const del = h.server.nextRequest('deleteMessage');
    await h.chat.deleteMessage('missing-2');
    await del;
    await h.server.remote.sendText({ ...BOB, text: 'barrier' });
    expect(describeEvents(recorder.events)).toEqual(['chatUpdate:add']);
    recorder.stop();
  });

  it('own pin / unpin go through the server', async () => {
    const h = await start(create);
    const { id } = await h.server.remote.sendText({ ...BOB, text: 'pin me' });
    const recorder = recordChatEvents(h.chat);
    const edit = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'edit');
    await h.chat.pin(id);
    // RealtimeKit awaits the answer, whose frame the chat controller handles first.
    expect(recorder.events.length > 0).toBe(expected.pinAwaitsServer);
    expect((await edit).message).toMatchObject({ id, pinned: true });
    expect(describeEvents(recorder.events)).toEqual([...expected.pinEvents]);
    expect(h.server.received.find((r) => r.event === 'pinMessage')?.request).toMatchObject({
      chatId: id,
      pinned: true,
    });
    const unedit = waitForChatEvent(
      h.chat,
      'chatUpdate',
      (e) => e.action === 'edit' && (e.message as { pinned?: boolean }).pinned === false,
    );
    await h.chat.unpin(id);
    await unedit;
    expect(h.server.messages.find((m) => m.chatId === id)?.pinned).toBe(false);
    recorder.stop();
  });

  it('pin of an unknown id rejects with ERR0504', async () => {
    const h = await start(create);
    const error = await h.chat.pin('missing').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorCode(error)).toBe('0504');
    expect(h.server.received.some((r) => r.event === 'pinMessage')).toBe(
      expected.pinUnknownAsksServer,
    );
  });

  it('validation: maxTextLimit 2000, ERR0502 empty, ERR0503 too long, rate limit 180 / 60 s', async () => {
    const h = await start(create);
    expect(h.chat.maxTextLimit).toBe(2000);
    expect(h.chat.rateLimits).toEqual({ maxInvocations: 180, period: 60 });
    const empty = await h.chat.sendTextMessage('').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorCode(empty)).toBe('0502');
    const long = await h.chat.sendTextMessage('x'.repeat(2001)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorCode(long)).toBe('0503');
    const echo = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'add');
    await h.chat.sendTextMessage('y'.repeat(2000));
    expect(((await echo).message as { message: string }).message).toHaveLength(2000);
    // Refused sends never reach the server.
    expect(h.server.received.filter((r) => r.event === 'sendMessageToRoom')).toHaveLength(1);
  });

  it('sendTextMessage with peerIds appends the sender to the array passed in', async () => {
    const h = await start(create);
    const peers = ['peer-bob'];
    const echo = waitForChatEvent(h.chat, 'chatUpdate', (e) => e.action === 'add');
    const sent = h.server.nextRequest('sendMessageToPeers');
    await h.chat.sendTextMessage('psst', peers);
    expect(peers).toEqual(['peer-bob', h.self.peerId]);
    const { request } = await sent;
    expect(request).toMatchObject({ payload: 'psst', peerIds: ['peer-bob', h.self.peerId] });
    expect((await echo).message).toMatchObject({
      message: 'psst',
      targetUserIds: ['bob', 'self-user'],
    });
  });

  it('history served on join replaces messages without an event', async () => {
    const now = Date.now();
    const h = await start(create, { join: false });
    h.server.setHistory([
      { ...BOB, id: 'h1', text: 'one', time: now - 3000 },
      { ...BOB, id: 'h2', text: 'two', time: now - 2000, pinned: true },
      { userId: 'self-user', displayName: 'Self', id: 'h3', text: 'three', time: now - 1000 },
    ]);
    const recorder = recordChatEvents(h.chat);
    await h.join();
    expect(recorder.events).toEqual([]);
    expect(h.chat.messages.map((m) => m.id)).toEqual(['h1', 'h2', 'h3']);
    expect(h.chat.messages.map((m) => m.pinned)).toEqual([false, true, false]);
    recorder.stop();
  });
});

describe('history through the paginated APIs', () => {
  const now = Date.now();
  const history = [
    { ...BOB, id: 'h1', text: 'one', time: now - 3000 },
    { ...BOB, id: 'h2', text: 'two', time: now - 2000, pinned: true },
    { ...BOB, id: 'h3', text: 'three', time: now - 1000 },
  ];

  it('RealtimeKit: fetchPublicMessages / fetchPinnedMessages', async () => {
    const h = await createRealtimeKitHarness({ history });
    current = h as unknown as AnyHarness;
    const before = await h.chat.fetchPublicMessages({
      timestamp: now,
      limit: 2,
      direction: 'before',
    });
    // direction 'before' is sent as `reversed: true`; the server answers newest first.
    expect(before.map((m) => m.id)).toEqual(['h3', 'h2']);
    expect(
      h.server.received.find((r) => r.event === 'getPaginatedMessages')?.request,
    ).toMatchObject({ timeStamp: now, size: 2, from: 0, reversed: true });
    const older = await h.chat.fetchPublicMessages({
      timestamp: now - 2000,
      limit: 10,
      direction: 'before',
    });
    expect(older.map((m) => m.id)).toEqual(['h1']);
    const pinned = await h.chat.fetchPinnedMessages({
      timestamp: now,
      limit: 10,
      direction: 'before',
    });
    expect(pinned.map((m) => m.id)).toEqual(['h2']);
    expect(
      h.server.received.filter((r) => r.event === 'getPaginatedMessages').at(-1)?.request,
    ).toMatchObject({ filters: { filters: { oneofKind: 'pinned', pinned: true } } });
  });

  it('Dyte: messages, getMessages, pinned, getMessagesByUser', async () => {
    const h = await createDyteHarness({ history });
    current = h as unknown as AnyHarness;
    expect(h.chat.messages.map((m) => m.id)).toEqual(['h1', 'h2', 'h3']);
    expect(h.chat.pinned.map((m) => m.id)).toEqual(['h2']);
    expect(h.chat.getMessagesByUser('bob')).toHaveLength(3);
    const page = await h.chat.getMessages(now, 2, true);
    expect(page.messages.map((m) => m.id)).toEqual(['h3', 'h2']);
    expect(page.next).toBe(true);
  });
});
