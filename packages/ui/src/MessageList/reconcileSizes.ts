import type { IdList } from '@natter/core';
import { createSizeTree } from './SizeTree';
import type { SizeTree } from './SizeTree';

/** How the row sizes followed a change of `ids`, and what the view must do about it. */
export interface ReconciledSizes {
  sizes: SizeTree;
  /** History arrived above: the pixels added above the rows that were there. */
  prependedPx: number;
  /** Anything else changed: rebuilt, so the first visible row must be found again by key. */
  rebuilt: boolean;
}

/**
 * Brings the row sizes in line with `ids` after `prev`: O(k log n) for k appended rows (in place),
 * a confirmed last row keeps its size, a prepend or anything else (deletes, inserts in the middle,
 * a filter) builds a new tree. Sizes come from `sizeOf` (a measured size, else the estimate); a
 * mount (`measuredAny` false) fills the estimate without an array of n sizes.
 */
export function reconcileSizes(
  current: SizeTree,
  prev: IdList | null,
  ids: IdList,
  measuredSizeOf: (id: string) => number | undefined,
  estimateSize: number,
  measuredAny: boolean,
): ReconciledSizes {
  const same = { sizes: current, prependedPx: 0, rebuilt: false };
  const sizeOf = (id: string) => measuredSizeOf(id) ?? estimateSize;
  if (prev && prev.length > 0 && ids.length > prev.length && ids.first() === prev.first()) {
    if (ids.at(prev.length - 1) === prev.last()) {
      const added: number[] = [];
      for (let i = prev.length; i < ids.length; i++) added.push(sizeOf(ids.at(i) ?? ''));
      current.push(added);
      return same;
    }
  }
  if (prev && prev.length > 0 && ids.length > prev.length && ids.last() === prev.last()) {
    const k = ids.length - prev.length;
    if (ids.at(k) === prev.first()) {
      const sizes = new Float64Array(ids.length);
      let added = 0;
      for (let i = 0; i < k; i++) added += sizes[i] = sizeOf(ids.at(i) ?? '');
      for (let i = 0; i < prev.length; i++) sizes[k + i] = current.sizeAt(i);
      return { sizes: createSizeTree(sizes), prependedPx: added, rebuilt: false };
    }
  }
  if (
    prev &&
    prev.length === ids.length &&
    ids.length > 1 &&
    ids.at(ids.length - 2) === prev.at(prev.length - 2) &&
    ids.first() === prev.first()
  ) {
    // The last row was replaced (a pending send confirmed): keep its size.
    current.set(ids.length - 1, measuredSizeOf(ids.last() ?? '') ?? current.sizeAt(ids.length - 1));
    return same;
  }
  if (!measuredAny) {
    // Mounting: nothing measured yet, so no row key needs looking up (nor an array of sizes).
    return { sizes: createSizeTree(ids.length, estimateSize), prependedPx: 0, rebuilt: true };
  }
  const sizes = new Float64Array(ids.length);
  const all = ids.toArray();
  for (let i = 0; i < all.length; i++) sizes[i] = sizeOf(all[i] ?? '');
  return { sizes: createSizeTree(sizes), prependedPx: 0, rebuilt: true };
}
