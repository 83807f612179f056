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
 * copy and its `Date`: hydration checks them and lists their ids, and their `RawIndex` (5 bytes a
 * message) is built after the first paint (see {@link EntryMap.defer}).
 * Reading an entry normalizes it once and keeps the copy, so every read returns the same object.
 */
export class EntryMap implements ReadonlyMap<string, ChatEntry> {
  private readonly read = new Map<string, ChatEntry>();
  /** SDK messages not normalized yet (disjoint from `read`). */
  private readonly raw = new RawIndex();
  /**
   * History listed but not yet in `raw` (see {@link defer}). An object, so that snapshots (which
   * read through their prototype) share it.
   */
  private readonly later: Deferred = { list: null, onRepeats: null };

  get size(): number {
    this.settle();
    return this.read.size + this.raw.size;
  }

  has(id: string): boolean {
    return this.read.has(id) || this.raw.has(id) || this.waiting(id) !== undefined;
  }

  get(id: string): ChatEntry | undefined {
    const entry = this.read.get(id);
    if (entry !== undefined) return entry;
    const raw = this.raw.take(id) ?? this.waiting(id, true);
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
    return (
      this.read.get(id) ??
      ((this.raw.get(id) ?? this.waiting(id)) as { type: MessageKind } | undefined)
    );
  }

  /**
   * Takes the history an SDK holds (its messages, checked, in list order) to be indexed later:
   * when the browser is next idle (after the first paint), or as soon as something needs it. The
   * list's first screen does not: it reads the newest messages, which a short scan from the end
   * finds. `onRepeats` hears, once the index is built, the ids the history repeated: as for a
   * page of history, the first copy is kept; the caller delists the others.
   */
  defer(list: readonly { readonly id: string }[], onRepeats: (ids: Set<string>) => void): void {
    this.settle();
    Object.assign(this.later, { list, onRepeats });
    const run = () => this.settle();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  /** Builds the index of what {@link defer} left waiting, at once. */
  settle(): void {
    const { later, read, raw } = this;
    const { list, onRepeats } = later;
    if (!list) return;
    Object.assign(later, { list: null, onRepeats: null });
    raw.reserve(list.length);
    let repeats: Set<string> | null = null;
    /**
     * The first copies of the ids already read. Changes build the index first (see `upsertEntry`),
     * so each of these was read by a row, from the scan of the newest (a repeated id's last copy).
     */
    let readFirst: Map<string, object> | null = null;
    for (const m of list) {
      const id: unknown = m.id;
      // An id the SDK changed since it was checked: the message cannot be found, as in `RawIndex`.
      if (typeof id !== 'string') continue;
      if (read.size > 0 && read.has(id)) {
        if (readFirst?.has(id)) (repeats ??= new Set()).add(id);
        else (readFirst ??= new Map()).set(id, m);
      } else if (!raw.add(m)) (repeats ??= new Set()).add(id);
    }
    if (!repeats) return;
    // A row read a repeated id before this, from its last copy: give it the first.
    for (const id of repeats) {
      const first = readFirst?.get(id);
      const result = first === undefined ? undefined : normalizeMessage(first);
      if (result?.ok) read.set(id, toEntry(result.message));
    }
    onRepeats?.(repeats);
  }

  /**
   * A message {@link defer} left waiting: one of the newest, found by a scan from the end (the
   * last copy of a repeated id), or any other once the index is built.
   */
  private waiting(id: string, take = false): { readonly id: unknown } | undefined {
    const { list } = this.later;
    if (!list) return undefined;
    for (let k = list.length - 1, stop = Math.max(0, list.length - SCAN); k >= stop; k--) {
      if (list[k]?.id === id) return list[k];
    }
    this.settle();
    return take ? this.raw.take(id) : this.raw.get(id);
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

  delete(id: string): boolean {
    this.settle();
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
    this.settle();
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

/** How many of the newest messages of a deferred history a lookup scans before it builds the index. */
const SCAN = 256;

interface Deferred {
  list: readonly { readonly id: string }[] | null;
  onRepeats: ((ids: Set<string>) => void) | null;
}
