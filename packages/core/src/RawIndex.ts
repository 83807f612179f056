const EMPTY = 0;
/** A deleted slot: probing goes on past it, an insert may reuse it. */
const GONE = 1;
const MIN_CAPACITY = 16;
/** Grows (or cleans out deleted slots) above this share of used slots. */
const MAX_LOAD = 0.8;

type Keyed = { readonly id: unknown };

/**
 * SDK messages by their own `id`, for the history the store holds unread (see `EntryMap`). One
 * array of slots holds the messages themselves (the key is read back from each message) and a
 * byte per slot holds 8 bits of its hash, so a probe touches a message only when those match
 * (a wrong match, 1 in 254, costs one comparison more). 100 000 messages cost 5 bytes per slot,
 * 0.65 MB with the free ones, where a `Map` costs an entry of three fields, a chain and a bucket
 * array (1.8 MB, measured in Chromium).
 *
 * Open addressing with triangular probing over a power-of-two table visits every slot, and the
 * table is never more than 80% full, so every probe ends. The hash is FNV-1a over the whole id
 * with a random start per table, so ids chosen to collide in one table do not in another.
 *
 * The messages are the SDK's own objects, checked when the history was read: an SDK that later
 * changes a message's `id` loses that message here (it is no longer found), nothing else.
 */
export class RawIndex<V extends Keyed = Keyed> {
  private slots: (V | undefined)[] = [];
  /** Per slot: {@link EMPTY}, {@link GONE}, or the tag of the id's hash (2 to 255). */
  private tags = new Uint8Array(0);
  private mask = 0;
  private live = 0;
  /** Slots not {@link EMPTY}. */
  private used = 0;
  private readonly seed = (Math.random() * 0x1_0000_0000) >>> 0;

  constructor() {
    this.rebuild(0);
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  get(id: string): V | undefined {
    const at = this.find(id);
    return at < 0 ? undefined : this.slots[at];
  }

  /** Makes room for `count` more messages at once (one resize instead of several). */
  reserve(count: number): void {
    if (this.used + count > this.slots.length * MAX_LOAD) this.rebuild(this.live + count);
  }

  /** Holds `value` under its `id`; returns false when that id was held (now by `value`). */
  set(value: V & { readonly id: string }): boolean {
    return this.put(value, true);
  }

  /** Holds `value` under its `id` unless that id is held: then returns false and keeps the held. */
  add(value: V & { readonly id: string }): boolean {
    return this.put(value, false);
  }

  private put(value: V & { readonly id: string }, replace: boolean): boolean {
    this.reserve(1);
    const { id } = value;
    const { tags, mask } = this;
    const h = this.hash(id);
    const tag = tagOf(h);
    // One walk: to the id if held, else to the end of its sequence, noting the first free slot.
    let free = -1;
    let i = h & mask;
    for (let step = 1; ; step++) {
      const t = tags[i] ?? EMPTY;
      if (t === EMPTY) break;
      if (t === GONE) {
        if (free < 0) free = i;
      } else if (t === tag && this.slots[i]?.id === id) {
        if (replace) this.slots[i] = value;
        return false;
      }
      i = (i + step) & mask;
    }
    if (free < 0) {
      free = i;
      this.used++;
    }
    tags[free] = tag;
    this.slots[free] = value;
    this.live++;
    return true;
  }

  delete(id: string): boolean {
    return this.take(id) !== undefined;
  }

  /** Removes `id` and returns what it held, in one walk (a `get` then a `delete` take two). */
  take(id: string): V | undefined {
    const at = this.find(id);
    if (at < 0) return undefined;
    const value = this.slots[at];
    this.slots[at] = undefined;
    this.tags[at] = GONE;
    this.live--;
    return value;
  }

  /** The ids held, in no set order; a change made while iterating may or may not be seen. */
  *keys(): IterableIterator<string> {
    for (const slot of this.slots) {
      const id = slot?.id;
      if (typeof id === 'string') yield id;
    }
  }

  /** The slot of `id`, or -1. */
  private find(id: string): number {
    const { tags, mask } = this;
    const h = this.hash(id);
    const tag = tagOf(h);
    let i = h & mask;
    for (let step = 1; ; step++) {
      const t = tags[i];
      if (t === EMPTY) return -1;
      if (t === tag && this.slots[i]?.id === id) return i;
      i = (i + step) & mask;
    }
  }

  /** FNV-1a from a random start, the high bits mixed down (the slot comes from the low ones). */
  private hash(id: string): number {
    let h = this.seed ^ 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** A table for `count` messages at most 80% full, without the deleted slots. */
  private rebuild(count: number): void {
    const old = this.slots;
    let capacity = MIN_CAPACITY;
    while (count > capacity * MAX_LOAD) capacity *= 2;
    this.slots = new Array<V | undefined>(capacity).fill(undefined);
    this.tags = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.live = this.used = 0;
    for (const slot of old) {
      const id = slot?.id;
      // A message whose id the SDK changed to a non-string cannot be found: drop it.
      if (typeof id === 'string') this.set(slot as V & { readonly id: string });
    }
  }
}

/** The hash's top byte (the slot comes from its low bits), never {@link EMPTY} or {@link GONE}. */
const tagOf = (h: number) => ((h >>> 24) % 254) + 2;
