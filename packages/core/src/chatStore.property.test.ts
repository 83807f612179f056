import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChatStore } from './createChatStore';
import { createEventChat, text } from '../test/eventChat';
import type { Message } from './types';

/** What the store must equal after any event sequence: the simplest model that could be right. */
class ReferenceModel {
  readonly messages = new Map<string, Message>();
  readonly deleted = new Set<string>();
  pinOrder: string[] = [];

  upsert(m: Message): void {
    if (this.deleted.has(m.id)) return;
    const pinned = m.pinned ?? this.messages.get(m.id)?.pinned;
    const copy = { ...m };
    if (pinned !== undefined) copy.pinned = pinned;
    this.messages.set(m.id, copy);
    this.syncPin(m.id, pinned === true);
  }

  delete(id: string): void {
    this.messages.delete(id);
    this.deleted.add(id);
    this.syncPin(id, false);
  }

  private syncPin(id: string, pinned: boolean): void {
    const has = this.pinOrder.includes(id);
    if (pinned && !has) this.pinOrder.push(id);
    if (!pinned && has) this.pinOrder = this.pinOrder.filter((p) => p !== id);
  }

  ordered(filter: (m: Message) => boolean = () => true): string[] {
    return [...this.messages.values()]
      .filter(filter)
      .sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0))
      .map((m) => m.id);
  }
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const USERS = ['u1', 'u2', 'u3'];
// Each id has one fixed time and sender: edits never move a message, as with the real SDKs.
const timeOf = (id: string) => 1_000 + IDS.indexOf(id) * 10;
const userOf = (id: string) => USERS[IDS.indexOf(id) % USERS.length] ?? 'u1';

type Event =
  | { kind: 'add' | 'edit'; id: string; body: string; pinned: boolean | undefined }
  | { kind: 'delete'; id: string }
  | { kind: 'pin' | 'unpin'; id: string; body: string }
  | { kind: 'malformed'; payload: unknown };

const id = fc.constantFrom(...IDS, 'zz-unknown');
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      id,
      body: fc.string(),
      pinned: fc.option(fc.boolean(), { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      id,
      body: fc.string(),
      pinned: fc.option(fc.boolean(), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('pin' as const, 'unpin' as const),
      id,
      body: fc.string(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('malformed' as const),
      payload: fc.oneof(
        fc.constant(null),
        fc.constant(undefined),
        fc.anything(),
        fc.record({ action: fc.constantFrom('add', 'edit', 'nope'), message: fc.anything() }),
      ),
    }),
  },
);

const message = (e: { id: string; body: string }, pinned?: boolean): Message =>
  text(e.id, timeOf(e.id), e.body, userOf(e.id), pinned === undefined ? {} : { pinned });

type HistoryEntry = { id: string; body: string; pinned: boolean | undefined };
const historyEntry = (hid: string) =>
  fc.record({
    id: fc.constant(hid),
    body: fc.string(),
    pinned: fc.option(fc.boolean(), { nil: undefined }),
  });

/**
 * A history the SDK already holds, in time order or not: distinct ids, or some repeated (a second
 * copy, with its own body and pin, right after the first: each id has one time).
 */
const history = fc
  .oneof(fc.subarray(IDS), fc.shuffledSubarray(IDS))
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map(historyEntry)),
      fc.tuple(...ids.map((hid) => fc.option(historyEntry(hid), { nil: undefined, freq: 4 }))),
    ),
  )
  .map(([firsts, repeats]) =>
    firsts.flatMap((h, i): HistoryEntry[] => {
      const again = repeats[i];
      return again ? [h, again] : [h];
    }),
  );

describe('chat store under random event sequences', () => {
  it('equals the reference model after any history and any sequence of add/edit/delete/pin/unpin, duplicates and junk included', async () => {
    await fc.assert(
      // `readListsAt`: after which event the by-sender and by-type lists are first read (they are
      // built then, and kept up to date by every later event); -1: only at the end. `indexAt`:
      // before which event the id index is built (else when an event needs it, or at the end).
      fc.asyncProperty(
        history,
        fc.array(event, { maxLength: 80, size: 'max' }),
        fc.integer({ min: -1, max: 80 }),
        fc.integer({ min: -1, max: 80 }),
        async (seeded, events, readListsAt, indexAt) => {
          // What the SDK held before the store was made: read on subscribe, unread rows kept as
          // the SDK's own objects until something reads them.
          const fake = createEventChat(seeded.map((h) => message(h, h.pinned)));
          const warnings: string[] = [];
          const store = createChatStore(fake.chat, { logger: { warn: (m) => warnings.push(m) } });
          const stop = store.subscribe(() => undefined);
          const model = new ReferenceModel();
          // A history's pins are listed in message time order, whatever order the SDK kept.
          // A repeated id is kept as its first copy, as for a page of history.
          const byTime = [...seeded].sort((x, y) => timeOf(x.id) - timeOf(y.id));
          for (const h of byTime) if (!model.messages.has(h.id)) model.upsert(message(h, h.pinned));
          for (const [i, e] of events.entries()) {
            if (i === indexAt) expect(store.getState().byId.size).toBeGreaterThanOrEqual(0);
            if (i === readListsAt)
              expect(store.getState().byType.text.length).toBe(model.ordered().length);
            switch (e.kind) {
              case 'add':
              case 'edit':
                fake.update(e.kind, message(e, e.pinned));
                model.upsert(message(e, e.pinned));
                break;
              case 'delete':
                fake.update('delete', { id: e.id });
                model.delete(e.id);
                break;
              case 'pin':
              case 'unpin':
                fake.pinEvent(e.kind === 'pin', message(e, e.kind === 'pin'));
                model.upsert(message(e, e.kind === 'pin'));
                break;
              case 'malformed':
                fake.emitter.emit('chatUpdate', e.payload);
                break;
            }
          }
          // The index is built by now (when idle, in a browser), and the lists it fixed published.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const s = store.getState();
          expect(s.ids.toArray()).toEqual(model.ordered());
          expect([...s.pinnedIds]).toEqual(model.pinOrder);
          for (const [mid, m] of model.messages) {
            const entry = s.byId.get(mid);
            expect(entry?.type === 'text' && entry.message).toBe(m.type === 'text' && m.message);
            expect(entry?.pinned === true).toBe(m.pinned === true);
          }
          expect(s.byId.size).toBe(model.messages.size);
          for (const user of USERS) {
            expect(s.byUser.get(user)?.toArray() ?? []).toEqual(
              model.ordered((m) => m.userId === user),
            );
          }
          expect(s.byType.text.toArray()).toEqual(model.ordered());
          expect(s.byType.image.length).toBe(0);
          stop();
          store.destroy();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ends in the same state whatever order a set of distinct adds arrives in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(IDS, { minLength: 1 }), (order) => {
        const fake = createEventChat();
        const store = createChatStore(fake.chat);
        const stop = store.subscribe(() => undefined);
        for (const mid of order) fake.update('add', message({ id: mid, body: mid }));
        expect(store.getState().ids.toArray()).toEqual(
          [...order].sort((x, y) => timeOf(x) - timeOf(y)),
        );
        stop();
      }),
    );
  });
});
