/*
 * Over 300 lines on purpose: one scroll state machine. The scroll position, the follow-bottom
 * intent, the pending corrections (prepends, anchors, rows above the viewport growing) and the
 * rendered range are private state that every method reads and writes in a set order; split
 * across files they would need a shared mutable bag. What is separable lives beside it: the
 * sizes (`SizeTree`), how they follow an id change (`reconcileSizes`), the React hook
 * (`useChatVirtualizer`).
 */
import type { RefObject } from 'react';
import type { IdList } from '@natter/core';
import { reconcileSizes } from './reconcileSizes';
import { SizeTree } from './SizeTree';

export interface VirtualRow {
  index: number;
  key: string;
  start: number;
  size: number;
}

export interface ChatVirtualizerOptions {
  ids: IdList;
  /** The React key (and size-cache key) of a message id: stable across pending → sent. */
  keyOf: (id: string) => string;
  scrollRef: RefObject<HTMLElement | null>;
  estimateSize: number;
  /** Rows rendered beyond the viewport, in pixels, on each side. */
  overscanPx: number;
  /** Within this many pixels of the bottom the list follows new messages. */
  followThresholdPx: number;
}

/** Told after each scroll event: at the bottom or not, and the scroll position. */
export type ScrollListener = (atBottom: boolean, scrollTop: number) => void;

type Align = 'start' | 'center' | 'end' | 'auto';

/**
 * A virtualizer made for chat. Row sizes live in a Fenwick tree, so mounting 100k rows is one
 * O(n) pass, and an append, a measurement or a scroll step is O(log n) + the rows on screen.
 * It follows the bottom while the reader is there, keeps the reading position when history is
 * prepended or a row above the viewport changes height, and scrolls to any row.
 */
export class ChatVirtualizer {
  private ids: IdList | null = null;
  private sizes = new SizeTree();
  /** Measured sizes by row key, so they survive index shifts (prepends, deletes). */
  private measured = new Map<string, number>();
  private elements = new Map<string, HTMLElement>();
  private scrollTop = 0;
  private viewport = 0;
  private follow = true;
  /** `scrollTop` was moved during render or commit; written to the element after the commit. */
  private scrollDirty = false;
  /** The scroller's block padding: rows start `padStart` below the scroll origin. */
  private padStart = 0;
  private padEnd = 0;
  private padKnown = false;
  /** Where we last scrolled the element ourselves. */
  private lastWrite: number | null = null;
  private pendingAnchor: { key: string; offset: number } | null = null;
  private observer: ResizeObserver | null = null;
  private listeners = new Set<() => void>();
  private scrollListeners = new Set<ScrollListener>();
  /** The reader is within `followThresholdPx` of the bottom (as of the last scroll event). */
  private bottom = true;
  private range = { first: 0, last: -1 };
  /** A size changed since the last render: rendered positions are stale. */
  private dirty = false;

  constructor(private options: ChatVirtualizerOptions) {}

  setOptions(options: ChatVirtualizerOptions): void {
    this.options = options;
    this.sync(options.ids);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings the sizes in line with `ids` (see `reconcileSizes`), keeping the reading position. */
  private sync(ids: IdList): void {
    const prev = this.ids;
    if (prev === ids) return;
    this.ids = ids;
    const { keyOf, estimateSize } = this.options;
    const measuredSizeOf = (id: string) => this.measured.get(keyOf(id));
    const next = reconcileSizes(
      this.sizes,
      prev,
      ids,
      (id) => measuredSizeOf(id) ?? estimateSize,
      measuredSizeOf,
      estimateSize,
      this.measured.size > 0,
    );
    if (next.rebuilt) {
      // Keep the first visible row where it is (found again by key after the commit).
      const anchorIndex = prev && prev.length > 0 ? this.sizes.indexAt(this.scrollTop) : -1;
      const anchorId = anchorIndex >= 0 ? prev?.at(anchorIndex) : undefined;
      if (anchorId !== undefined && !this.follow) {
        this.pendingAnchor = {
          key: keyOf(anchorId),
          offset: this.scrollTop - this.sizes.offsetOf(anchorIndex),
        };
      }
    }
    this.sizes = next.sizes;
    // History arrived above: move down by its height so the visible rows stay put (this render
    // already uses the new position; the element follows after the commit).
    if (next.prependedPx !== 0 && !this.follow) {
      this.scrollTop += next.prependedPx;
      this.scrollDirty = true;
    }
  }

  /** After a commit: apply prepend/anchor corrections, follow the bottom, re-render if stale. */
  afterCommit(): void {
    const el = this.options.scrollRef.current;
    if (!el) return;
    this.catchUp(el);
    for (const [key, row] of this.elements) {
      if (row.isConnected) continue;
      this.observer?.unobserve(row);
      this.elements.delete(key);
    }
    this.readBox(el);
    if (this.scrollDirty) this.scrollTo(this.scrollTop);
    if (this.pendingAnchor && this.ids) {
      const { key, offset } = this.pendingAnchor;
      const all = this.ids.toArray();
      const index = all.findIndex((id) => this.options.keyOf(id) === key);
      if (index >= 0) this.scrollTo(this.sizes.offsetOf(index) + offset);
    }
    this.pendingAnchor = null;
    if (this.follow) this.scrollTo(this.maxScroll());
    this.refresh();
  }

  /** Viewport height and padding (`clientHeight` includes the padding). */
  private readBox(el: HTMLElement): void {
    if (el.clientHeight === this.viewport && this.padKnown) return;
    this.viewport = el.clientHeight;
    const style = getComputedStyle(el);
    this.padStart = parseFloat(style.paddingBlockStart || style.paddingTop) || 0;
    this.padEnd = parseFloat(style.paddingBlockEnd || style.paddingBottom) || 0;
    this.padKnown = true;
  }

  private maxScroll(): number {
    return Math.max(0, this.padStart + this.sizes.total() + this.padEnd - this.viewport);
  }

  /** The content offset at the top of the viewport. */
  private contentTop(): number {
    return this.scrollTop - this.padStart;
  }

  /**
   * Re-renders when the rows on screen are not all rendered. When only sizes changed, the
   * rendered rows are moved in place (a style write each) instead: measuring the rows a scroll
   * step brings in then costs no second React render.
   */
  private refresh(): void {
    if (this.sizes.length === 0) return;
    const top = this.contentTop();
    const first = this.sizes.indexAt(Math.max(0, top - this.options.overscanPx / 2));
    const last = this.sizes.indexAt(top + this.viewport + this.options.overscanPx / 2);
    if (first < this.range.first || last > this.range.last) {
      this.dirty = false;
      this.notify();
    } else if (this.dirty) {
      this.dirty = false;
      this.applyPositions();
    }
  }

  private applyPositions(): void {
    let sizer: HTMLElement | null = null;
    for (const el of this.elements.values()) {
      const index = Number(el.dataset.index);
      if (!Number.isInteger(index) || index >= this.sizes.length) continue;
      el.style.transform = `translateY(${this.sizes.offsetOf(index)}px)`;
      sizer ??= el.parentElement;
    }
    if (sizer) sizer.style.height = `${this.sizes.total()}px`;
  }

  getTotalSize(): number {
    return this.sizes.total();
  }

  getVirtualItems(): VirtualRow[] {
    const ids = this.ids;
    if (!ids || ids.length === 0) return [];
    const { overscanPx, keyOf } = this.options;
    const top = this.contentTop();
    const first = this.sizes.indexAt(Math.max(0, top - overscanPx));
    const last = this.sizes.indexAt(top + this.viewport + overscanPx);
    this.range = { first, last };
    this.dirty = false;
    const rows: VirtualRow[] = [];
    let start = this.sizes.offsetOf(first);
    for (let index = first; index <= last; index++) {
      const size = this.sizes.sizeAt(index);
      rows.push({ index, key: keyOf(ids.at(index) ?? ''), start, size });
      start += size;
    }
    return rows;
  }

  /** Ref callback for rendered rows (`data-index`, `data-key`): measures now and on resize. */
  measureElement = (el: HTMLElement | null): void => {
    if (!el) return;
    const key = el.dataset.key ?? '';
    const previous = this.elements.get(key);
    if (previous === el) return;
    if (previous) this.observer?.unobserve(previous);
    this.elements.set(key, el);
    this.observer ??=
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => this.onResize(entries));
    this.observer?.observe(el);
    this.record(el, el.offsetHeight);
  };

  /**
   * The reader moved the scroller and its scroll event is still queued (it fires with the next
   * frame, after any ResizeObserver or React commit in between): take the move first, so
   * following the bottom here does not throw a reader who jumped to the top back down.
   */
  private catchUp(el: HTMLElement): void {
    if (!this.scrollDirty && Math.abs(el.scrollTop - this.scrollTop) >= 1) this.onScroll();
  }

  private onResize(entries: ResizeObserverEntry[]): void {
    const el = this.options.scrollRef.current;
    if (el) this.catchUp(el);
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      this.record(el, entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight);
    }
    if (this.follow) this.scrollTo(this.maxScroll());
    else if (this.scrollDirty) this.scrollTo(this.scrollTop);
    this.refresh();
  }

  /** Stores a measured size; keeps the view steady when a row above it changes height. */
  private record(el: HTMLElement, size: number): boolean {
    if (!(size > 0)) return false;
    const key = el.dataset.key ?? '';
    const index = Number(el.dataset.index);
    this.measured.set(key, size);
    if (!this.ids || !Number.isInteger(index) || index >= this.sizes.length) return false;
    if (this.options.keyOf(this.ids.at(index) ?? '') !== key) return false;
    const start = this.sizes.offsetOf(index);
    const delta = this.sizes.set(index, size);
    if (delta === 0) return false;
    this.dirty = true;
    if (!this.follow && start < this.contentTop()) {
      // A row above the viewport changed height: move with it so nothing on screen jumps.
      this.scrollTop += delta;
      this.scrollDirty = true;
    }
    return true;
  }

  onScroll(): void {
    const el = this.options.scrollRef.current;
    if (!el) return;
    const own = this.lastWrite !== null && Math.abs(el.scrollTop - this.lastWrite) < 1;
    this.lastWrite = null;
    this.scrollTop = el.scrollTop;
    this.viewport = el.clientHeight;
    this.bottom =
      el.scrollHeight - el.scrollTop - el.clientHeight <= this.options.followThresholdPx;
    // Our own scroll's event arrives a frame later, when rows may have grown below: only the
    // reader's scrolling decides whether to follow.
    if (!own) this.follow = this.bottom;
    // Re-render only when the rows on screen (plus half the overscan) are not all rendered.
    this.refresh();
  }

  /** The reader is within `followThresholdPx` of the bottom, as of the last scroll. */
  isAtBottom(): boolean {
    return this.bottom;
  }

  /** The scroller's scroll event: take the position, then tell `onScrolled` listeners. */
  handleScrollEvent = (): void => {
    this.onScroll();
    const el = this.options.scrollRef.current;
    if (!el) return;
    for (const listener of this.scrollListeners) listener(this.bottom, el.scrollTop);
  };

  /**
   * Calls `listener` after each scroll event with whether the reader is at the bottom (within
   * `followThresholdPx`: the one place that decides it) and the scroll position.
   */
  onScrolled(listener: ScrollListener): () => void {
    this.scrollListeners.add(listener);
    return () => this.scrollListeners.delete(listener);
  }

  private scrollTo(top: number): void {
    const el = this.options.scrollRef.current;
    this.scrollDirty = false;
    if (!el) return;
    el.scrollTop = top;
    this.scrollTop = el.scrollTop;
    this.lastWrite = this.scrollTop;
  }

  scrollToEnd(): void {
    const el = this.options.scrollRef.current;
    this.follow = true;
    if (!el) return;
    this.readBox(el);
    this.scrollTo(this.maxScroll());
    this.refresh();
  }

  scrollToIndex(index: number, { align = 'auto' }: { align?: Align } = {}): void {
    const el = this.options.scrollRef.current;
    if (!el || index < 0 || index >= this.sizes.length) return;
    this.readBox(el);
    const start = this.padStart + this.sizes.offsetOf(index);
    const size = this.sizes.sizeAt(index);
    let top = this.scrollTop;
    if (align === 'start') top = start;
    else if (align === 'end') top = start + size - this.viewport;
    else if (align === 'center') top = start + size / 2 - this.viewport / 2;
    else if (start < this.scrollTop) top = start;
    else if (start + size > this.scrollTop + this.viewport) top = start + size - this.viewport;
    this.follow = index === this.sizes.length - 1 && align !== 'start' && align !== 'center';
    this.scrollTo(Math.max(0, top));
    this.refresh();
  }

  destroy(): void {
    this.observer?.disconnect();
    this.elements.clear();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
