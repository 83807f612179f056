/** Slots of a new table; it doubles whenever it is half full. */
const INITIAL_SLOTS = 1 << 12;

/** A probe run longer than this means colliding (maybe hostile) ids: the native Set takes over. */
const MAX_PROBE = 64;

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the low bits. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The ids a chat-dump parse has seen, to find duplicates: an open-addressing table of positions
 * in a typed array, beside the ids in arrival order.
 *
 * A native `Set` of the ids cost the parse about 1 µs a row at 500k rows (its table's rehashes,
 * and a random reach into a table of megabytes from every insert); this costs about a tenth of
 * that (`pnpm bench csv`: the whole parse 6-7% faster at 100k and 500k).
 *
 * Not the store's `RawIndex`, which also indexes by id but is built for memory (the messages in
 * a plain array, re-hashed on every growth): holding the parse's messages, it made the parse
 * 4% slower than this at 100k and 14% at 500k (interleaved fresh processes).
 *
 * Ids are untrusted: ids crafted to collide in this hash cannot make it quadratic. A probe run
 * longer than `MAX_PROBE` hands every id to a native `Set`, whose string hash V8 seeds per process.
 */
export class IdSet {
  /** 0 for an empty slot, else the id's position + 1. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  private readonly ids: string[] = [];
  private native: Set<string> | undefined;

  constructor(private readonly hash: (id: string) => number = hashId) {}

  get size(): number {
    return this.native?.size ?? this.ids.length;
  }

  /** Whether the colliding-ids fallback took over (for tests). */
  get usesNativeSet(): boolean {
    return this.native !== undefined;
  }

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    const native = this.native;
    if (native !== undefined) {
      const before = native.size;
      native.add(id);
      return native.size !== before;
    }
    const hash = this.hash(id) | 0;
    const slots = this.slots;
    const mask = slots.length - 1;
    let at = hash & mask;
    for (let probe = 0, slot = slots[at] ?? 0; slot !== 0; slot = slots[at] ?? 0) {
      if (this.hashes[slot - 1] === hash && this.ids[slot - 1] === id) return false;
      if (++probe > MAX_PROBE) return this.toNative().add(id);
      at = (at + 1) & mask;
    }
    const position = this.ids.length;
    this.ids.push(id);
    if (position === this.hashes.length) {
      const hashes = new Int32Array(position * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[position] = hash;
    slots[at] = position + 1;
    if ((position + 1) * 2 > slots.length && !this.grow()) this.toNative();
    return true;
  }

  /** Doubles the table; false when a probe run got too long on the way. */
  private grow(): boolean {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const hashes = this.hashes;
    for (let position = 0; position < this.ids.length; position++) {
      let at = (hashes[position] ?? 0) & mask;
      for (let probe = 0; slots[at] !== 0; probe++) {
        if (probe > MAX_PROBE) return false;
        at = (at + 1) & mask;
      }
      slots[at] = position + 1;
    }
    this.slots = slots;
    return true;
  }

  private toNative(): IdSet {
    this.native = new Set(this.ids);
    this.ids.length = 0;
    this.slots = new Int32Array(0);
    this.hashes = new Int32Array(0);
    return this;
  }
}
