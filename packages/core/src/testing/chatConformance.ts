/**
 * One behaviour suite for every `ChatLike` backend: the local chat (both flavors), the real SDK
 * harness and the dev server's WebSocket client. It asserts only what the real RealtimeKit SDK does
 * too (DESIGN.md section 1); backend-specific behaviour belongs in that backend's own tests.
 */
import type { ChatLike, ChatUpdateEvent, Message } from '../types';
import type { ChatConformanceFixture, ChatConformanceOptions } from './conformanceTypes';
import { isMessage, outcome, recordEvents, sdkCodeOf, textOf } from './recordChatEvents';
import type { Seen } from './recordChatEvents';

let counter = 0;
const runId = Date.now().toString(36);
/** Text no earlier run (of a persistent backend) can have sent. */
const unique = (label: string): string => `${label} ${runId}-${++counter}`;

/**
 * Registers the conformance tests for one backend.
 *
 * @example
 * ```ts
 * import * as vitest from 'vitest';
 * import { describeChatConformance } from '@natter/core/testing';
 *
 * describeChatConformance('my backend', async () => {
 *   const chat = await connectMyChat();
 *   return { chat, self: chat.self, remote: myRemoteDriver(), dispose: () => chat.close() };
 * }, { test: vitest });
 * ```
 */
export function describeChatConformance(
  name: string,
  createFixture: () => ChatConformanceFixture | Promise<ChatConformanceFixture>,
  options: ChatConformanceOptions,
): void {
  const { emitsPinEvents = true, timeoutMs = 2000 } = options;
  const { describe, it, expect, beforeEach, afterEach } = options.test;

  describe(`ChatLike conformance: ${name}`, () => {
    let fixture: ChatConformanceFixture;
    let chat: ChatLike;
    let events: ReturnType<typeof recordEvents>;

    beforeEach(async () => {
      fixture = await createFixture();
      chat = fixture.chat;
      events = recordEvents(chat, timeoutMs);
    });
    afterEach(async () => {
      events.stop();
      await fixture.dispose();
    });

    const addOf = (text: string) => () =>
      events.updates.find((u) => u.event.action === 'add' && textOf(u.event.message) === text);
    const waitForAdd = async (
      text: string,
    ): Promise<Seen<ChatUpdateEvent> & { message: Message }> => {
      const seen = await events.waitFor(`the add of "${text}"`, addOf(text));
      if (!isMessage(seen.event.message)) throw new Error('an add event without a message');
      return { ...seen, message: seen.event.message };
    };
    const waitForUpdate = (
      action: ChatUpdateEvent['action'],
      id: string,
      what: string,
      test: (m: ChatUpdateEvent['message']) => boolean = () => true,
    ) =>
      events.waitFor(what, () =>
        events.updates.find(
          (u) => u.event.action === action && u.event.message.id === id && test(u.event.message),
        ),
      );
    const remoteMessage = async (): Promise<Message> => {
      const text = unique('remote says');
      await fixture.remote.sendText(text);
      return (await waitForAdd(text)).message;
    };
    const ownMessage = async (): Promise<Message> => {
      const text = unique('I say');
      await chat.sendTextMessage(text);
      return (await waitForAdd(text)).message;
    };
    const countAdds = (text: string): number =>
      events.updates.filter((u) => u.event.action === 'add' && textOf(u.event.message) === text)
        .length;

    it('delivers an own text once, as an add from the server, with no local echo', async () => {
      const text = unique('hello');
      const sending = chat.sendTextMessage(text);
      expect(countAdds(text)).toBe(0);
      expect(chat.messages.some((m) => m.type === 'text' && m.message === text)).toBe(false);
      await sending;

      const added = await waitForAdd(text);
      expect(added.message).toMatchObject({
        type: 'text',
        message: text,
        userId: fixture.self.userId,
      });
      expect(added.message.id).toEqual(expect.any(String));
      expect(added.message.time).toBeInstanceOf(Date);

      // The server keeps order: once a later message is in, a duplicate of the first would be too.
      const marker = unique('marker');
      await chat.sendTextMessage(marker);
      await waitForAdd(marker);
      expect(countAdds(text)).toBe(1);
      expect(chat.messages.filter((m) => m.id === added.message.id)).toHaveLength(1);
    });

    it('passes the current messages array with an add, holding the new message', async () => {
      const text = unique('array');
      await chat.sendTextMessage(text);
      const added = await waitForAdd(text);
      expect(added.sameArray).toBe(true);
      expect(added.event.messages.at(-1)?.id).toBe(added.message.id);
    });

    it('delivers a remote text with the sender and the text', async () => {
      const text = unique('from remote');
      await fixture.remote.sendText(text);
      const added = await waitForAdd(text);
      expect(added.message).toMatchObject({
        type: 'text',
        message: text,
        userId: fixture.remote.userId,
        displayName: fixture.remote.displayName,
      });
      expect(chat.messages.some((m) => m.id === added.message.id)).toBe(true);
    });

    it('applies a remote edit in place, as an edit event carrying the new text', async () => {
      const original = await remoteMessage();
      const lengthBefore = chat.messages.length;
      const text = unique('edited');
      await fixture.remote.edit(original.id, text);

      const seen = await waitForUpdate(
        'edit',
        original.id,
        'the remote edit',
        (m) => textOf(m) === text,
      );
      expect(seen.event.message).toMatchObject({
        id: original.id,
        type: 'text',
        message: text,
        isEdited: true,
      });
      expect(seen.sameArray).toBe(true);
      expect(chat.messages).toHaveLength(lengthBefore);
      expect(chat.messages.find((m) => m.id === original.id)).toMatchObject({ message: text });
    });

    it('applies a remote delete in place, as a delete event naming the message', async () => {
      const doomed = await remoteMessage();
      await fixture.remote.delete(doomed.id);
      const seen = await waitForUpdate('delete', doomed.id, 'the remote delete');
      expect(seen.sameArray).toBe(true);
      expect(chat.messages.some((m) => m.id === doomed.id)).toBe(false);
    });

    it('shows a remote pin and unpin as edits with message.pinned', async () => {
      const target = await remoteMessage();
      await fixture.remote.pin(target.id);
      const pinned = await waitForUpdate(
        'edit',
        target.id,
        'the pin edit',
        (m) => isMessage(m) && m.pinned === true,
      );
      expect(pinned.sameArray).toBe(true);
      expect(chat.messages.find((m) => m.id === target.id)?.pinned).toBe(true);
      if (emitsPinEvents) {
        await events.waitFor('pinMessage', () =>
          events.pins.find((p) => p.event.message.id === target.id),
        );
      }

      await fixture.remote.unpin(target.id);
      await waitForUpdate(
        'edit',
        target.id,
        'the unpin edit',
        (m) => isMessage(m) && m.pinned === false,
      );
      expect(chat.messages.find((m) => m.id === target.id)?.pinned).toBe(false);
      if (emitsPinEvents) {
        await events.waitFor('unpinMessage', () =>
          events.unpins.find((p) => p.event.message.id === target.id),
        );
      }
    });

    it('edits, pins, unpins and deletes an own message through the chat object', async () => {
      const mine = await ownMessage();
      const text = unique('fixed typo');
      await chat.editTextMessage(mine.id, text);
      await waitForUpdate('edit', mine.id, 'the own edit', (m) => textOf(m) === text);

      await chat.pin(mine.id);
      await waitForUpdate('edit', mine.id, 'the own pin', (m) => isMessage(m) && m.pinned === true);
      await chat.unpin(mine.id);
      await waitForUpdate(
        'edit',
        mine.id,
        'the own unpin',
        (m) => isMessage(m) && m.pinned === false,
      );

      await chat.deleteMessage(mine.id);
      await waitForUpdate('delete', mine.id, 'the own delete');
      expect(chat.messages.some((m) => m.id === mine.id)).toBe(false);
    });

    it('does not throw when deleting an id nobody knows, and keeps delivering', async () => {
      await remoteMessage();
      const before = chat.messages.map((m) => m.id);
      const result = await outcome(() => chat.deleteMessage('natter-no-such-message'));
      expect(result.ok).toBe(true);

      const marker = unique('still alive');
      await chat.sendTextMessage(marker);
      await waitForAdd(marker);
      expect(chat.messages.map((m) => m.id).slice(0, before.length)).toEqual(before);
      for (const { event } of events.updates.filter((u) => u.event.action === 'delete')) {
        expect(event.message.id).toBe('natter-no-such-message');
      }
    });

    it('rejects pinning an unknown id with ERR0504', async () => {
      const result = await outcome(() => chat.pin('natter-no-such-message'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(sdkCodeOf(result.error)).toBe('ERR0504');
    });

    it('rejects an empty text with ERR0502 and sends nothing', async () => {
      const result = await outcome(() => chat.sendTextMessage(''));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(sdkCodeOf(result.error)).toBe('ERR0502');

      const marker = unique('after empty');
      await chat.sendTextMessage(marker);
      await waitForAdd(marker);
      expect(
        events.updates.filter((u) => u.event.action === 'add' && textOf(u.event.message) === ''),
      ).toHaveLength(0);
    });

    it('rejects a text over maxTextLimit with ERR0503 and accepts one at the limit', async () => {
      const limit = chat.maxTextLimit ?? 2000;
      const tooLong = 'x'.repeat(limit + 1);
      const result = await outcome(() => chat.sendTextMessage(tooLong));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(sdkCodeOf(result.error)).toBe('ERR0503');

      const atLimit = `${unique('long')} `.padEnd(limit, 'y');
      await chat.sendTextMessage(atLimit);
      await waitForAdd(atLimit);
      expect(countAdds(tooLong)).toBe(0);
    });

    it('stops calling a listener once it is removed with off', async () => {
      const calls: ChatUpdateEvent[] = [];
      const listener = (event: ChatUpdateEvent): void => void calls.push(event);
      chat.on('chatUpdate', listener);
      const first = unique('heard');
      await chat.sendTextMessage(first);
      await waitForAdd(first);
      chat.off('chatUpdate', listener);

      const second = unique('unheard');
      await chat.sendTextMessage(second);
      await waitForAdd(second);
      expect(calls.map((e) => textOf(e.message))).toContain(first);
      expect(calls.map((e) => textOf(e.message))).not.toContain(second);
    });
  });
}
