/** Rows per block: offsets sum whole blocks in the tree, then at most this many rows. */
const BLOCK = 32;
const SHIFT = 5;

/**
 * Row sizes for the virtualizer: one 4-byte size per row, plus a Fenwick (binary indexed) tree
 * over blocks of 32 rows. Changing one size, the offset of a row, and the row at an offset are
 * all O(log n + 32), so measuring a row or appending a message costs the same at 100 000 rows as
 * at 100, and 100 000 rows take 0.5 MB (a tree per row in doubles took 2 MB). (A flat prefix-sum
 * array, as general-purpose virtualizers keep, must be rebuilt from the changed row to the end:
 * O(n) per measurement.) Sizes are stored as 32-bit floats, exact for whole and half pixels.
 */
export class SizeTree {
  private sizes: Float32Array;
  /** `tree[b]` (1-based) holds the Fenwick partial sum ending at block `b - 1`. */
  private tree: Float64Array;
  private count = 0;

  /** Rows of `sizes`, or `sizes` rows of `fill` pixels each (a mount: no array of n sizes). */
  constructor(sizes: ArrayLike<number> | number = [], fill = 0) {
    const count = typeof sizes === 'number' ? sizes : sizes.length;
    const capacity = SizeTree.capacityFor(count);
    this.sizes = new Float32Array(capacity);
    this.tree = new Float64Array(capacity / BLOCK + 1);
    if (typeof sizes === 'number') this.sizes.fill(fill, 0, count);
    else this.sizes.set(sizes);
    this.count = count;
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
    const delta = Math.fround(size) - (this.sizes[index] ?? 0);
    if (delta === 0) return 0;
    this.sizes[index] = size;
    this.addToBlock(index >> SHIFT, delta);
    return delta;
  }

  /** Adds rows at the end (amortized O(log n) each). */
  push(sizes: readonly number[]): void {
    if (this.count + sizes.length > this.sizes.length) {
      const grown = new Float32Array(SizeTree.capacityFor(this.count + sizes.length));
      grown.set(this.sizes.subarray(0, this.count));
      this.sizes = grown;
      this.tree = new Float64Array(grown.length / BLOCK + 1);
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
    const end = Math.max(0, Math.min(index, this.count));
    let sum = 0;
    for (let b = end >> SHIFT; b > 0; b -= b & -b) sum += this.tree[b] ?? 0;
    for (let i = end & ~(BLOCK - 1); i < end; i++) sum += this.sizes[i] ?? 0;
    return sum;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The row covering `offset` (the last row whose start is at or before it). */
  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    // Whole blocks that end at or before `offset`, then the rows of the next block.
    let block = 0;
    let remaining = offset;
    for (let step = highestBit(this.tree.length - 1); step > 0; step >>= 1) {
      const next = block + step;
      if (next < this.tree.length && (this.tree[next] ?? 0) <= remaining) {
        block = next;
        remaining -= this.tree[next] ?? 0;
      }
    }
    let index = block << SHIFT;
    if (index >= this.count) return this.count - 1;
    while (index < this.count - 1 && (this.sizes[index] ?? 0) <= remaining) {
      remaining -= this.sizes[index] ?? 0;
      index++;
    }
    return index;
  }

  private addToBlock(block: number, delta: number): void {
    for (let b = block + 1; b < this.tree.length; b += b & -b) this.tree[b]! += delta;
  }

  private build(): void {
    this.tree.fill(0);
    for (let i = 0; i < this.count; i++) this.tree[(i >> SHIFT) + 1]! += this.sizes[i] ?? 0;
    for (let b = 1; b < this.tree.length; b++) {
      const parent = b + (b & -b);
      if (parent < this.tree.length) this.tree[parent]! += this.tree[b] ?? 0;
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
