/**
 * Row sizes in a Fenwick (binary indexed) tree: changing one size, the offset of a row, and the
 * row at an offset are all O(log n), so measuring a row or appending a message costs the same at
 * 100 000 rows as at 100. (A flat prefix-sum array, as general-purpose virtualizers keep, must be
 * rebuilt from the changed row to the end: O(n) per measurement.)
 */
export class SizeTree {
  private sizes: Float64Array;
  private tree: Float64Array;
  private count = 0;

  constructor(sizes: ArrayLike<number> = []) {
    const capacity = SizeTree.capacityFor(sizes.length);
    this.sizes = new Float64Array(capacity);
    this.tree = new Float64Array(capacity + 1);
    this.sizes.set(sizes);
    this.count = sizes.length;
    this.build();
  }

  get length(): number {
    return this.count;
  }

  sizeAt(index: number): number {
    return this.sizes[index] ?? 0;
  }

  /** Sets the size of row `index`; returns the change. */
  set(index: number, size: number): number {
    if (index < 0 || index >= this.count) return 0;
    const delta = size - (this.sizes[index] ?? 0);
    if (delta === 0) return 0;
    this.sizes[index] = size;
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
    return delta;
  }

  /** Adds rows at the end (amortized O(log n) each). */
  push(sizes: readonly number[]): void {
    if (this.count + sizes.length > this.sizes.length) {
      const grown = new Float64Array(SizeTree.capacityFor(this.count + sizes.length));
      grown.set(this.sizes.subarray(0, this.count));
      this.sizes = grown;
      this.tree = new Float64Array(grown.length + 1);
      for (const size of sizes) this.sizes[this.count++] = size;
      this.build();
      return;
    }
    for (const size of sizes) {
      const index = this.count++;
      this.sizes[index] = 0;
      this.set(index, size);
    }
  }

  /** Sum of the sizes of rows `0 .. index - 1`: the offset where row `index` starts. */
  offsetOf(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.count); i > 0; i -= i & -i) sum += this.tree[i] ?? 0;
    return sum;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The row covering `offset` (the last row whose start is at or before it). */
  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    let index = 0;
    let remaining = offset;
    for (let step = highestBit(this.tree.length - 1); step > 0; step >>= 1) {
      const next = index + step;
      if (next < this.tree.length && (this.tree[next] ?? 0) <= remaining) {
        index = next;
        remaining -= this.tree[next] ?? 0;
      }
    }
    return Math.min(index, this.count - 1);
  }

  private build(): void {
    this.tree.fill(0);
    for (let i = 0; i < this.count; i++) this.tree[i + 1] = this.sizes[i] ?? 0;
    for (let i = 1; i < this.tree.length; i++) {
      const parent = i + (i & -i);
      if (parent < this.tree.length) this.tree[parent]! += this.tree[i] ?? 0;
    }
  }

  private static capacityFor(n: number): number {
    let capacity = 64;
    while (capacity < n) capacity *= 2;
    return capacity;
  }
}

function highestBit(n: number): number {
  let bit = 1;
  while (bit * 2 <= n) bit *= 2;
  return bit;
}
