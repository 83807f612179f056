import { describe, expect, it } from 'vitest';
import { createChatStore } from './createChatStore';
import { createEventChat, text } from '../test/eventChat';
import type { Message } from './types';

/** History as SDKs hand it over on join: many messages, some broken, one id twice, a pin. */
function joinHistory(): Message[] {
  const list: Message[] = [];
  for (let i = 0; i < 1_000; i++) {
    const t = 1_000 + i * 1_000;
    if (i % 10 === 3) {
      list.push({
        id: `m${i}`,
        type: 'image',
        userId: `u${i % 3}`,
        displayName: 'U',
        time: new Date(t),
        timeMs: t,
        link: `https://example.com/${i}.png`,
      });
    } else
      list.push(text(`m${i}`, t, `hello ${i}`, `u${i % 3}`, i === 500 ? { pinned: true } : {}));
  }
  list.splice(200, 0, { id: 'broken', type: 'text', time: new Date(5) } as unknown as Message);
  list.splice(700, 0, text('m650', 700_500, 'a second copy of m650'));
  return list;
}

describe('createChatStore: reading the history an SDK holds', () => {
  it('lists every valid message once, in order, with its indices, pins and a warning per refusal', () => {
    const warnings: string[] = [];
    const fake = createEventChat(joinHistory());
    const store = createChatStore(fake.chat, { logger: { warn: (m) => warnings.push(m) } });
    store.subscribe(() => undefined);
    const s = store.getState();
    const expected = Array.from({ length: 1_000 }, (_, i) => `m${i}`);
    expect(s.ids.toArray()).toEqual(expected);
    expect(s.byType.image.toArray()).toEqual(expected.filter((_, i) => i % 10 === 3));
    expect(s.byType.text.length).toBe(900);
    expect(s.byUser.get('u1')?.toArray()).toEqual(expected.filter((_, i) => i % 3 === 1));
    expect(s.pinnedIds).toEqual(['m500']);
    expect(warnings).toEqual(['chat.messages: text message broken has no text']);
    // The first copy of a repeated id is the one kept.
    const m650 = s.byId.get('m650');
    expect(m650?.type === 'text' && m650.message).toBe('hello 650');
  });

  it('gives normalized copies, never the SDK objects, and the same copy on every read', () => {
    const sdk = joinHistory();
    const fake = createEventChat(sdk);
    const store = createChatStore(fake.chat, { logger: { warn: () => undefined } });
    store.subscribe(() => undefined);
    const entry = store.getState().byId.get('m10');
    expect(entry).toMatchObject({ id: 'm10', status: 'sent', clientKey: 'm10', timeMs: 11_000 });
    expect(entry?.time).toEqual(new Date(11_000));
    expect(sdk.includes(entry as Message)).toBe(false);
    expect(store.getState().byId.get('m10')).toBe(entry);
    expect(store.getMessages()).toHaveLength(1_000);
    expect(store.getMessages()[10]).toBe(entry);
  });

  it('sorts a history that is not in time order', () => {
    const sdk = [text('c', 3_000), text('a', 1_000), text('b', 2_000)];
    const store = createChatStore(createEventChat(sdk).chat);
    store.subscribe(() => undefined);
    expect(store.getState().ids.toArray()).toEqual(['a', 'b', 'c']);
  });

  it('applies edits, deletes and pins to messages not read yet', () => {
    const fake = createEventChat(joinHistory());
    const store = createChatStore(fake.chat, { logger: { warn: () => undefined } });
    store.subscribe(() => undefined);
    fake.update('edit', text('m20', 21_000, 'edited', 'u2', { isEdited: true }));
    fake.update('delete', { id: 'm21' });
    fake.pinEvent(true, text('m22', 23_000, 'hello 22', 'u1', { pinned: true }));
    const s = store.getState();
    const m20 = s.byId.get('m20');
    expect(m20?.type === 'text' && m20.message).toBe('edited');
    expect(s.ids.toArray().slice(19, 23)).toEqual(['m19', 'm20', 'm22', 'm23']);
    expect(s.byUser.get('u0')?.toArray()).not.toContain('m21');
    expect(s.pinnedIds).toEqual(['m500', 'm22']);
    expect(store.clientKeyOf('m22')).toBe('m22');
  });

  it('reads the newest rows, and applies events, before the id index is built', async () => {
    // In time order, as SDKs keep it: the index is built after the first paint (here, a task).
    const sdk = Array.from({ length: 2_000 }, (_, i) => text(`m${i}`, 1_000 + i, `hello ${i}`));
    const fake = createEventChat(sdk);
    const store = createChatStore(fake.chat);
    const published: number[] = [];
    store.subscribe((s) => published.push(s.ids.length));
    const s = store.getState();
    expect(s.ids.length).toBe(2_000);
    const newest = s.byId.get('m1999');
    expect(newest?.type === 'text' && newest.message).toBe('hello 1999');
    fake.update('edit', text('m3', 1_003, 'edited', 'u1', { isEdited: true }));
    fake.update('delete', { id: 'm4' });
    fake.update('add', text('m2000', 5_000, 'new'));
    const after = store.getState();
    const m3 = after.byId.get('m3');
    expect(m3?.type === 'text' && m3.message).toBe('edited');
    expect(after.byId.has('m4')).toBe(false);
    expect(after.ids.toArray().slice(0, 5)).toEqual(['m0', 'm1', 'm2', 'm3', 'm5']);
    expect(after.ids.last()).toBe('m2000');
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Building the index changed nothing a reader sees, and published nothing more.
    expect(store.getState()).toBe(after);
    expect(store.getState().byId.get('m1999')).toBe(newest);
    expect(store.getState().byId.size).toBe(2_000);
  });

  it('lists a repeated id once, at its first place with its first copy, when the index is built', async () => {
    const sdk = [
      text('a', 1_000),
      text('b', 2_000, 'first b', 'u1', { pinned: true }),
      text('c', 3_000),
      text('b', 4_000, 'second b', 'u2'),
      text('d', 5_000),
    ];
    const fake = createEventChat(sdk);
    const store = createChatStore(fake.chat);
    let calls = 0;
    store.subscribe(() => calls++);
    // A row reads the newest copy before the index is built: until then, that is what it shows.
    const early = store.getState().byId.get('b');
    expect(early?.type === 'text' && early.message).toBe('second b');
    const before = calls;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const s = store.getState();
    expect(calls).toBeGreaterThan(before);
    expect(s.ids.toArray()).toEqual(['a', 'b', 'c', 'd']);
    const b = s.byId.get('b');
    expect(b?.type === 'text' && b.message).toBe('first b');
    expect(s.pinnedIds).toEqual(['b']);
    expect(s.byUser.get('u1')?.toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect(s.byUser.get('u2')).toBeUndefined();
    expect(s.byId.size).toBe(4);
  });

  it('keeps an edit a repeated id received before the index was built', async () => {
    const sdk = [text('a', 1_000, 'first a'), text('b', 2_000), text('a', 3_000, 'second a')];
    const fake = createEventChat(sdk);
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    store.getState().byId.get('a');
    fake.update('edit', text('a', 1_000, 'edited a', 'u1', { isEdited: true }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const s = store.getState();
    expect(s.ids.toArray()).toEqual(['a', 'b']);
    const a = s.byId.get('a');
    expect(a?.type === 'text' && a.message).toBe('edited a');
  });
});
