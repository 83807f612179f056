import { normalizeMessage } from './normalizeMessage';
import { RawIndex } from './RawIndex';
import type { ChatEntry } from './types';
import type { Message, MessageKind } from './types';

/** A message as the store holds it once read: the normalized copy, sent. */
export function toEntry(message: Message): ChatEntry {
  return Object.assign(message, { status: 'sent' as const, clientKey: message.id });
}

/**
 * The store's `byId`: entries by id, where history taken from the SDK stays as the SDK's own
 * message objects (checked when the history was read, not copied) until something reads them.
 * A list of 100 000 messages shows a screenful, so the other 99 980 never pay for a normalized
 * copy and its `Date`: hydration is one pass that allocates nothing per message but a 4-byte slot
 * of a `RawIndex`.
 * Reading an entry normalizes it once and keeps the copy, so every read returns the same object.
 */
export class EntryMap implements ReadonlyMap<string, ChatEntry> {
  private readonly read = new Map<string, ChatEntry>();
  /** SDK messages not normalized yet (disjoint from `read`). */
  private readonly raw = new RawIndex();

  get size(): number {
    return this.read.size + this.raw.size;
  }

  has(id: string): boolean {
    return this.read.has(id) || this.raw.has(id);
  }

  get(id: string): ChatEntry | undefined {
    const entry = this.read.get(id);
    if (entry !== undefined) return entry;
    const raw = this.raw.take(id);
    if (raw === undefined) return undefined;
    // Checked on the way in; an SDK that later broke its own object loses only this entry.
    const result = normalizeMessage(raw);
    if (!result.ok) return undefined;
    const created = toEntry(result.message);
    this.read.set(id, created);
    return created;
  }

  /**
   * A new object over the same entries, for the store's published state: `state.byId` changes
   * identity with every change, as an immutable collection would, without copying 100 000
   * entries. It reads through to this map (its prototype), so it always sees the latest entries.
   */
  snapshot(): EntryMap {
    return Object.create(this) as EntryMap;
  }

  /** The entry of `id`, or the SDK's message when not read yet (its type and sender, unread). */
  peek(id: string): { type: MessageKind; userId?: unknown } | undefined {
    return this.read.get(id) ?? (this.raw.get(id) as { type: MessageKind } | undefined);
  }

  /** Makes room for `count` SDK messages about to be added with {@link addRaw}. */
  reserveRaw(count: number): void {
    this.raw.reserve(count);
  }

  /** The row key of `id` (see `ChatEntry.clientKey`) without normalizing a raw message. */
  clientKeyOf(id: string): string {
    return this.read.get(id)?.clientKey ?? id;
  }

  set(id: string, entry: ChatEntry): this {
    this.raw.delete(id);
    this.read.set(id, entry);
    return this;
  }

  /**
   * Holds an SDK message, already validated, to be normalized when first read. One hash lookup
   * per message on a 100k hydration: the caller must not pass ids already read. Returns false
   * when its id was already held raw; the message held is then `message`, and the caller restores
   * the first copy with {@link restoreRaw} if it wants that one.
   */
  addRaw(message: { readonly id: string }): boolean {
    return this.raw.set(message);
  }

  restoreRaw(message: { readonly id: string }): void {
    this.raw.set(message);
  }

  delete(id: string): boolean {
    const a = this.read.delete(id);
    const b = this.raw.delete(id);
    return a || b;
  }

  forEach(
    fn: (value: ChatEntry, key: string, map: ReadonlyMap<string, ChatEntry>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, entry] of this) fn.call(thisArg, entry, id, this);
  }

  *keys(): MapIterator<string> {
    yield* this.read.keys();
    yield* this.raw.keys();
  }

  *values(): MapIterator<ChatEntry> {
    for (const [, entry] of this) yield entry;
  }

  *entries(): MapIterator<[string, ChatEntry]> {
    // Reading moves ids from `raw` to `read`: iterate over a copy of the keys.
    for (const id of [...this.keys()]) {
      const entry = this.get(id);
      if (entry !== undefined) yield [id, entry];
    }
  }

  [Symbol.iterator](): MapIterator<[string, ChatEntry]> {
    return this.entries();
  }
}
