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
export interface SizeTree {
  readonly length: number;
  sizeAt(index: number): number;
  /** Sets the size of row `index`; returns the change. */
  set(index: number, size: number): number;
  /** Adds rows at the end (amortized O(log n) each). */
  push(sizes: readonly number[]): void;
  /** Sum of the sizes of rows `0 .. index - 1`: the offset where row `index` starts. */
  offsetOf(index: number): number;
  total(): number;
  /** The row covering `offset` (the last row whose start is at or before it). */
  indexAt(offset: number): number;
}

const capacityFor = (n: number): number => {
  let capacity = 64;
  while (capacity < n) capacity *= 2;
  return capacity;
};

/**
 * Rows of `initial`, or `initial` rows of `fill` pixels each (a mount: no array of n sizes).
 * A closure, not a class: minifiers shorten its local names, never a class's property names.
 */
export function createSizeTree(initial: ArrayLike<number> | number = [], fill = 0): SizeTree {
  let count = typeof initial === 'number' ? initial : initial.length;
  let sizes = new Float32Array(capacityFor(count));
  /** `tree[b]` (1-based) holds the Fenwick partial sum ending at block `b - 1`. */
  let tree = new Float64Array(sizes.length / BLOCK + 1);
  if (typeof initial === 'number') sizes.fill(fill, 0, count);
  else sizes.set(initial);

  function build(): void {
    tree.fill(0);
    for (let i = 0; i < count; i++) tree[(i >> SHIFT) + 1]! += sizes[i] ?? 0;
    for (let b = 1; b < tree.length; b++) {
      const parent = b + (b & -b);
      if (parent < tree.length) tree[parent]! += tree[b] ?? 0;
    }
  }
  build();

  function set(index: number, size: number): number {
    if (index < 0 || index >= count) return 0;
    const delta = Math.fround(size) - (sizes[index] ?? 0);
    if (delta === 0) return 0;
    sizes[index] = size;
    for (let b = (index >> SHIFT) + 1; b < tree.length; b += b & -b) tree[b]! += delta;
    return delta;
  }

  function offsetOf(index: number): number {
    const end = Math.max(0, Math.min(index, count));
    let sum = 0;
    for (let b = end >> SHIFT; b > 0; b -= b & -b) sum += tree[b] ?? 0;
    for (let i = end & ~(BLOCK - 1); i < end; i++) sum += sizes[i] ?? 0;
    return sum;
  }

  return {
    get length() {
      return count;
    },
    sizeAt: (index) => sizes[index] ?? 0,
    set,
    push(added) {
      if (count + added.length > sizes.length) {
        const grown = new Float32Array(capacityFor(count + added.length));
        grown.set(sizes.subarray(0, count));
        sizes = grown;
        tree = new Float64Array(grown.length / BLOCK + 1);
        for (const size of added) sizes[count++] = size;
        build();
        return;
      }
      for (const size of added) {
        const index = count++;
        sizes[index] = 0;
        set(index, size);
      }
    },
    offsetOf,
    total: () => offsetOf(count),
    indexAt(offset) {
      if (count === 0) return 0;
      // Whole blocks that end at or before `offset`, then the rows of the next block.
      let block = 0;
      let remaining = offset;
      for (let step = highestBit(tree.length - 1); step > 0; step >>= 1) {
        const next = block + step;
        if (next < tree.length && (tree[next] ?? 0) <= remaining) {
          block = next;
          remaining -= tree[next] ?? 0;
        }
      }
      let index = block << SHIFT;
      if (index >= count) return count - 1;
      while (index < count - 1 && (sizes[index] ?? 0) <= remaining) {
        remaining -= sizes[index] ?? 0;
        index++;
      }
      return index;
    },
  };
}

function highestBit(n: number): number {
  let bit = 1;
  while (bit * 2 <= n) bit *= 2;
  return bit;
}
