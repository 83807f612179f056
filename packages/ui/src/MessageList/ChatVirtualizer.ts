/*
 * Over 300 lines on purpose: one scroll state machine. The scroll position, the follow-bottom
 * intent, the pending corrections (prepends, anchors, rows above the viewport growing) and the
 * rendered range are state that every step reads and writes in a set order; split across files
 * they would need a shared mutable bag. What is separable lives beside it: the sizes
 * (`SizeTree`), how they follow an id change (`reconcileSizes`), the React hook
 * (`useChatVirtualizer`). It is a closure, not a class: minifiers shorten its local names but
 * never a class's property names, which saves the panel bundle about 2 kB of minified JS.
 */
import type { RefObject } from 'react';
import type { IdList } from '@natter/core';
import { reconcileSizes } from './reconcileSizes';
import { createSizeTree } from './SizeTree';

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
export interface ChatVirtualizer {
  /** Takes the current options; brings the sizes in line with a new `ids`. */
  setOptions(options: ChatVirtualizerOptions): void;
  /** Called when the rendered rows must change (a re-render). */
  subscribe(listener: () => void): () => void;
  /** After a commit: apply prepend/anchor corrections, follow the bottom, re-render if stale. */
  afterCommit(): void;
  getTotalSize(): number;
  /** The rows to render: the viewport plus the overscan. Call once per render. */
  getVirtualItems(): VirtualRow[];
  /** Ref callback for rendered rows (`data-index`, `data-key`): measures now and on resize. */
  measureElement(el: HTMLElement | null): void;
  /** The scroller's scroll event: take the position, then tell `onScrolled` listeners. */
  handleScrollEvent(): void;
  /**
   * Calls `listener` after each scroll event with whether the reader is at the bottom (within
   * `followThresholdPx`: the one place that decides it) and the scroll position.
   */
  onScrolled(listener: ScrollListener): () => void;
  /** The reader is within `followThresholdPx` of the bottom, as of the last scroll. */
  isAtBottom(): boolean;
  /** Scrolls to the newest row and follows the bottom again. */
  scrollToEnd(): void;
  scrollToIndex(index: number, options?: { align?: Align }): void;
  destroy(): void;
}

export function createChatVirtualizer(initial: ChatVirtualizerOptions): ChatVirtualizer {
  let options = initial;
  let ids: IdList | null = null;
  let sizes = createSizeTree();
  /** Measured sizes by row key, so they survive index shifts (prepends, deletes). */
  const measured = new Map<string, number>();
  const elements = new Map<string, HTMLElement>();
  let scrollTop = 0;
  let viewport = 0;
  let follow = true;
  /** `scrollTop` was moved during render or commit; written to the element after the commit. */
  let scrollDirty = false;
  /** The scroller's block padding: rows start `padStart` below the scroll origin. */
  let padStart = 0;
  let padEnd = 0;
  let padKnown = false;
  /** Where we last scrolled the element ourselves. */
  let lastWrite: number | null = null;
  let pendingAnchor: { key: string; offset: number } | null = null;
  let observer: ResizeObserver | null = null;
  const listeners = new Set<() => void>();
  const scrollListeners = new Set<ScrollListener>();
  /** The reader is within `followThresholdPx` of the bottom (as of the last scroll event). */
  let bottom = true;
  let range = { first: 0, last: -1 };
  /** A size changed since the last render: rendered positions are stale. */
  let dirty = false;
  /**
   * The reader jumped to rows none of which was rendered (a scrollbar drag): nothing on screen
   * to keep steady, so the rows measured above the viewport move nothing until the next commit.
   */
  let jumped = false;

  /** Brings the sizes in line with `next` (see `reconcileSizes`), keeping the reading position. */
  function sync(next: IdList): void {
    const prev = ids;
    if (prev === next) return;
    ids = next;
    const { keyOf, estimateSize } = options;
    const measuredSizeOf = (id: string) => measured.get(keyOf(id));
    const result = reconcileSizes(
      sizes,
      prev,
      next,
      measuredSizeOf,
      estimateSize,
      measured.size > 0,
    );
    if (result.rebuilt) {
      // Keep the first visible row where it is (found again by key after the commit).
      const anchorIndex = prev && prev.length > 0 ? sizes.indexAt(scrollTop) : -1;
      const anchorId = anchorIndex >= 0 ? prev?.at(anchorIndex) : undefined;
      if (anchorId !== undefined && !follow) {
        pendingAnchor = { key: keyOf(anchorId), offset: scrollTop - sizes.offsetOf(anchorIndex) };
      }
    }
    sizes = result.sizes;
    // History arrived above: move down by its height so the visible rows stay put (this render
    // already uses the new position; the element follows after the commit).
    if (result.prependedPx !== 0 && !follow) {
      scrollTop += result.prependedPx;
      scrollDirty = true;
    }
  }

  /** Viewport height and padding (`clientHeight` includes the padding). */
  function readBox(el: HTMLElement): void {
    if (el.clientHeight === viewport && padKnown) return;
    viewport = el.clientHeight;
    const style = getComputedStyle(el);
    padStart = parseFloat(style.paddingBlockStart || style.paddingTop) || 0;
    padEnd = parseFloat(style.paddingBlockEnd || style.paddingBottom) || 0;
    padKnown = true;
  }

  const maxScroll = () => Math.max(0, padStart + sizes.total() + padEnd - viewport);

  /** The content offset at the top of the viewport. */
  const contentTop = () => scrollTop - padStart;

  const notify = () => {
    for (const listener of listeners) listener();
  };

  /**
   * Re-renders when the rows on screen are not all rendered. When only sizes changed, the
   * rendered rows are moved in place (a style write each) instead: measuring the rows a scroll
   * step brings in then costs no second React render.
   */
  function refresh(): void {
    if (sizes.length === 0) return;
    const top = contentTop();
    const first = sizes.indexAt(Math.max(0, top - options.overscanPx / 2));
    const last = sizes.indexAt(top + viewport + options.overscanPx / 2);
    if (first < range.first || last > range.last) {
      dirty = false;
      notify();
    } else if (dirty) {
      dirty = false;
      applyPositions();
    }
  }

  function applyPositions(): void {
    let sizer: HTMLElement | null = null;
    for (const el of elements.values()) {
      const index = Number(el.dataset.index);
      if (!Number.isInteger(index) || index >= sizes.length) continue;
      el.style.transform = `translateY(${sizes.offsetOf(index)}px)`;
      sizer ??= el.parentElement;
    }
    if (sizer) sizer.style.height = `${sizes.total()}px`;
  }

  /**
   * The reader moved the scroller and its scroll event is still queued (it fires with the next
   * frame, after any ResizeObserver or React commit in between): take the move first, so
   * following the bottom here does not throw a reader who jumped to the top back down.
   */
  function catchUp(el: HTMLElement): void {
    if (!scrollDirty && Math.abs(el.scrollTop - scrollTop) >= 1) onScroll();
  }

  function onResize(entries: ResizeObserverEntry[]): void {
    const scroller = options.scrollRef.current;
    if (scroller) catchUp(scroller);
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      record(el, entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight);
    }
    if (follow) scrollTo(maxScroll());
    else if (scrollDirty) scrollTo(scrollTop);
    refresh();
  }

  /** Stores a measured size; keeps the view steady when a row above it changes height. */
  function record(el: HTMLElement, size: number): void {
    if (!(size > 0)) return;
    const key = el.dataset.key ?? '';
    const index = Number(el.dataset.index);
    measured.set(key, size);
    if (!ids || !Number.isInteger(index) || index >= sizes.length) return;
    if (options.keyOf(ids.at(index) ?? '') !== key) return;
    const start = sizes.offsetOf(index);
    const delta = sizes.set(index, size);
    if (delta === 0) return;
    dirty = true;
    if (!follow && !jumped && start < contentTop()) {
      // A row above the viewport changed height: move with it so nothing on screen jumps.
      scrollTop += delta;
      scrollDirty = true;
    }
  }

  function onScroll(): void {
    const el = options.scrollRef.current;
    if (!el) return;
    const own = lastWrite !== null && Math.abs(el.scrollTop - lastWrite) < 1;
    lastWrite = null;
    scrollTop = el.scrollTop;
    viewport = el.clientHeight;
    bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= options.followThresholdPx;
    // Our own scroll's event arrives a frame later, when rows may have grown below: only the
    // reader's scrolling decides whether to follow.
    if (!own) {
      follow = bottom;
      const top = contentTop();
      jumped = sizes.indexAt(top + viewport) < range.first || sizes.indexAt(top) > range.last;
    }
    // Re-render only when the rows on screen (plus half the overscan) are not all rendered.
    refresh();
  }

  function scrollTo(top: number): void {
    const el = options.scrollRef.current;
    scrollDirty = false;
    if (!el) return;
    el.scrollTop = top;
    scrollTop = el.scrollTop;
    lastWrite = scrollTop;
  }

  return {
    setOptions(next) {
      options = next;
      sync(next.ids);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    afterCommit() {
      const el = options.scrollRef.current;
      if (!el) return;
      jumped = false;
      catchUp(el);
      for (const [key, row] of elements) {
        if (row.isConnected) continue;
        observer?.unobserve(row);
        elements.delete(key);
      }
      readBox(el);
      if (scrollDirty) scrollTo(scrollTop);
      if (pendingAnchor && ids) {
        const { key, offset } = pendingAnchor;
        const index = ids.toArray().findIndex((id) => options.keyOf(id) === key);
        if (index >= 0) scrollTo(sizes.offsetOf(index) + offset);
      }
      pendingAnchor = null;
      if (follow) scrollTo(maxScroll());
      refresh();
    },
    getTotalSize: () => sizes.total(),
    getVirtualItems() {
      if (!ids || ids.length === 0) return [];
      const { overscanPx, keyOf } = options;
      // Following the bottom, the commit scrolls there: render the rows there, not the ones at
      // the old position (at mount, the top of the history) only to render again.
      const top = (follow ? maxScroll() : scrollTop) - padStart;
      const first = sizes.indexAt(Math.max(0, top - overscanPx));
      const last = sizes.indexAt(top + viewport + overscanPx);
      range = { first, last };
      dirty = false;
      const rows: VirtualRow[] = [];
      let start = sizes.offsetOf(first);
      for (let index = first; index <= last; index++) {
        const size = sizes.sizeAt(index);
        rows.push({ index, key: keyOf(ids.at(index) ?? ''), start, size });
        start += size;
      }
      return rows;
    },
    measureElement(el) {
      if (!el) return;
      const key = el.dataset.key ?? '';
      const previous = elements.get(key);
      if (previous === el) return;
      if (previous) observer?.unobserve(previous);
      elements.set(key, el);
      observer ??=
        typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((e) => onResize(e));
      observer?.observe(el);
      record(el, el.offsetHeight);
    },
    handleScrollEvent() {
      onScroll();
      const el = options.scrollRef.current;
      if (!el) return;
      for (const listener of scrollListeners) listener(bottom, el.scrollTop);
    },
    onScrolled(listener) {
      scrollListeners.add(listener);
      return () => scrollListeners.delete(listener);
    },
    isAtBottom: () => bottom,
    scrollToEnd() {
      const el = options.scrollRef.current;
      follow = true;
      if (!el) return;
      readBox(el);
      scrollTo(maxScroll());
      refresh();
    },
    scrollToIndex(index, { align = 'auto' } = {}) {
      const el = options.scrollRef.current;
      if (!el || index < 0 || index >= sizes.length) return;
      readBox(el);
      const start = padStart + sizes.offsetOf(index);
      const size = sizes.sizeAt(index);
      let top = scrollTop;
      if (align === 'start') top = start;
      else if (align === 'end') top = start + size - viewport;
      else if (align === 'center') top = start + size / 2 - viewport / 2;
      else if (start < scrollTop) top = start;
      else if (start + size > scrollTop + viewport) top = start + size - viewport;
      follow = index === sizes.length - 1 && align !== 'start' && align !== 'center';
      scrollTo(Math.max(0, top));
      refresh();
    },
    destroy() {
      observer?.disconnect();
      elements.clear();
    },
  };
}
