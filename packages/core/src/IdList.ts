const CHUNK = 512;

/**
 * An immutable ordered list of message ids, stored in chunks so that an append, insert or remove
 * copies one chunk (at most 512 ids) and the chunk index, never the whole list. Every change
 * returns a new `IdList`; the old one stays valid, so React can compare snapshots by identity.
 *
 * @example
 * ```ts
 * let ids = IdList.from(['a', 'b'])
 * ids = ids.insert(ids.length, 'c')
 * ids.at(2) // 'c'
 * ```
 */
export class IdList {
  static readonly empty = new IdList([], [0]);

  /** `starts[i]` is the list index of the first id of `chunks[i]`; the last entry is `length`. */
  private constructor(
    private readonly chunks: readonly (readonly string[])[],
    private readonly starts: readonly number[],
  ) {}

  /** Builds a list from ids already in order. */
  static from(ids: readonly string[]): IdList {
    if (ids.length === 0) return IdList.empty;
    const chunks: string[][] = [];
    const starts: number[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      starts.push(i);
      chunks.push(ids.slice(i, i + CHUNK));
    }
    starts.push(ids.length);
    return new IdList(chunks, starts);
  }

  get length(): number {
    return this.starts[this.starts.length - 1] ?? 0;
  }

  /** The id at `index`, or `undefined` outside `0..length-1`. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const c = this.chunkOf(index);
    return this.chunks[c]?.[index - (this.starts[c] ?? 0)];
  }

  first(): string | undefined {
    return this.at(0);
  }

  last(): string | undefined {
    return this.at(this.length - 1);
  }

  /** A new list with `id` inserted before position `index` (`length` appends). */
  insert(index: number, id: string): IdList {
    const length = this.length;
    if (index < 0 || index > length)
      throw new RangeError(`insert index ${index} outside 0..${length}`);
    if (length === 0) return new IdList([[id]], [0, 1]);
    const c = index === length ? this.chunks.length - 1 : this.chunkOf(index);
    const chunk = this.chunks[c] ?? [];
    const offset = index - (this.starts[c] ?? 0);
    const next = chunk.slice();
    next.splice(offset, 0, id);
    const chunks = this.chunks.slice();
    const starts = this.starts.slice();
    if (next.length > CHUNK * 2) {
      const half = next.length >> 1;
      chunks.splice(c, 1, next.slice(0, half), next.slice(half));
      starts.splice(c + 1, 0, (starts[c] ?? 0) + half);
    } else {
      chunks[c] = next;
    }
    for (let i = c + 1 + (next.length > CHUNK * 2 ? 1 : 0); i < starts.length; i++) starts[i]! += 1;
    return new IdList(chunks, starts);
  }

  /** Appends ids (already in order) at the end; copies only the last chunk and the index. */
  append(ids: readonly string[]): IdList {
    if (ids.length === 0) return this;
    if (this.length === 0) return IdList.from(ids);
    const lastChunk = this.chunks[this.chunks.length - 1] ?? [];
    const tail = IdList.from([...lastChunk, ...ids]);
    const base = this.starts[this.chunks.length - 1] ?? 0;
    return new IdList(
      [...this.chunks.slice(0, -1), ...tail.chunks],
      [...this.starts.slice(0, this.chunks.length - 1), ...tail.starts.map((s) => s + base)],
    );
  }

  /** Prepends ids (already in order) at the start; copies only the index, not existing chunks. */
  prepend(ids: readonly string[]): IdList {
    if (ids.length === 0) return this;
    if (this.length === 0) return IdList.from(ids);
    const head = IdList.from(ids);
    const shift = ids.length;
    return new IdList(
      [...head.chunks, ...this.chunks],
      [...head.starts.slice(0, -1), ...this.starts.map((s) => s + shift)],
    );
  }

  /** A new list without the id at `index`. */
  removeAt(index: number): IdList {
    if (index < 0 || index >= this.length) return this;
    const c = this.chunkOf(index);
    const chunk = this.chunks[c] ?? [];
    const chunks = this.chunks.slice();
    const starts = this.starts.slice();
    if (chunk.length === 1) {
      chunks.splice(c, 1);
      starts.splice(c, 1);
      for (let i = c; i < starts.length; i++) starts[i]! -= 1;
      if (chunks.length === 0) return IdList.empty;
    } else {
      const next = chunk.slice();
      next.splice(index - (starts[c] ?? 0), 1);
      chunks[c] = next;
      for (let i = c + 1; i < starts.length; i++) starts[i]! -= 1;
    }
    return new IdList(chunks, starts);
  }

  /** Position of `id` by linear scan; O(n). Prefer the store's time-ordered lookups. */
  indexOf(id: string): number {
    for (let c = 0; c < this.chunks.length; c++) {
      const i = this.chunks[c]!.indexOf(id);
      if (i >= 0) return (this.starts[c] ?? 0) + i;
    }
    return -1;
  }

  toArray(): string[] {
    const out: string[] = [];
    for (const chunk of this.chunks) for (const id of chunk) out.push(id);
    return out;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.toArray()[Symbol.iterator]();
  }

  /** Index of the chunk holding list position `index` (binary search over `starts`). */
  private chunkOf(index: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
