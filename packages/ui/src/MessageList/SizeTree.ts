/** Rows per block: offsets sum whole blocks in the tree, then at most this many rows. */
const BLOCK = 32;
const SHIFT = 5;

/**
 * Row sizes for the virtualizer: a Fenwick (binary indexed) tree over blocks of 32 rows, and the
 * sizes of a block's rows (4-byte floats) only once one of them differs from the estimate the
 * tree was filled with. Changing one size, the offset of a row, and the row at an offset are all
 * O(log n + 32), so measuring a row or appending a message costs the same at 100 000 rows as at
 * 100; 100 000 estimated rows take 60 kB, and each 32 rows measured add 128 B. (A flat
 * prefix-sum array, as general-purpose virtualizers keep, must be rebuilt from the changed row to
 * the end: O(n) per measurement.) Sizes are stored as 32-bit floats, exact for whole and half
 * pixels.
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
  let capacity = 2;
  while (capacity < n) capacity *= 2;
  return capacity;
};

/**
 * Rows of `initial`, or `initial` rows of `fill` pixels each (a mount: no array of n sizes).
 * A closure, not a class: minifiers shorten its local names, never a class's property names.
 */
export function createSizeTree(initial: ArrayLike<number> | number = [], fill = 0): SizeTree {
  let count = 0;
  /** `fill` as a stored size (a 32-bit float). */
  const fillSize = Math.fround(fill);
  /** Each block's row sizes; absent while every row of the block is `fill`. */
  const blocks: (Float32Array | undefined)[] = [];
  /** `tree[b]` (1-based) holds the Fenwick partial sum ending at block `b - 1`. */
  let tree = new Float64Array(1);

  const sizeAt = (index: number): number =>
    index < 0 || index >= count ? 0 : (blocks[index >> SHIFT]?.[index & (BLOCK - 1)] ?? fillSize);

  /** The block's own sizes, created (filled with `fill`) on first need. */
  function blockOf(index: number): Float32Array {
    const b = index >> SHIFT;
    let block = blocks[b];
    if (!block) {
      block = new Float32Array(BLOCK).fill(fill);
      blocks[b] = block;
    }
    return block;
  }

  /** Rebuilds the tree for `count` rows (capacity for at least `rows`). */
  function build(rows: number): void {
    const blockCount = (rows + BLOCK - 1) >> SHIFT;
    tree = new Float64Array(capacityFor(blockCount) + 1);
    const full = count >> SHIFT;
    for (let b = 0; b * BLOCK < count; b++) {
      const rowsIn = b < full ? BLOCK : count & (BLOCK - 1);
      const block = blocks[b];
      let sum = 0;
      if (block) for (let i = 0; i < rowsIn; i++) sum += block[i] ?? 0;
      else sum = rowsIn * fillSize;
      tree[b + 1] = sum;
    }
    for (let b = 1; b < tree.length; b++) {
      const parent = b + (b & -b);
      if (parent < tree.length) tree[parent]! += tree[b] ?? 0;
    }
  }

  const addToBlock = (block: number, delta: number) => {
    for (let b = block + 1; b < tree.length; b += b & -b) tree[b]! += delta;
  };

  function set(index: number, size: number): number {
    if (index < 0 || index >= count) return 0;
    const delta = Math.fround(size) - sizeAt(index);
    if (delta === 0) return 0;
    blockOf(index)[index & (BLOCK - 1)] = size;
    addToBlock(index >> SHIFT, delta);
    return delta;
  }

  function offsetOf(index: number): number {
    const end = Math.max(0, Math.min(index, count));
    let sum = 0;
    for (let b = end >> SHIFT; b > 0; b -= b & -b) sum += tree[b] ?? 0;
    const block = blocks[end >> SHIFT];
    const rows = end & (BLOCK - 1);
    if (!block) return sum + rows * fillSize;
    for (let i = 0; i < rows; i++) sum += block[i] ?? 0;
    return sum;
  }

  function push(added: ArrayLike<number>): void {
    const first = count;
    count += added.length;
    // Rows beyond the old end were never set: write them, then sum their blocks anew.
    for (let i = 0; i < added.length; i++) {
      const index = first + i;
      const size = added[i] ?? 0;
      if (blocks[index >> SHIFT] || Math.fround(size) !== fillSize)
        blockOf(index)[index & (BLOCK - 1)] = size;
    }
    if ((count + BLOCK - 1) >> SHIFT > tree.length - 1) {
      build(count);
      return;
    }
    for (let i = 0; i < added.length; i++) addToBlock((first + i) >> SHIFT, sizeAt(first + i));
  }

  if (typeof initial === 'number') {
    count = initial;
    build(count);
  } else push(initial);

  return {
    get length() {
      return count;
    },
    sizeAt,
    set,
    push,
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
      while (index < count - 1 && sizeAt(index) <= remaining) {
        remaining -= sizeAt(index);
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
