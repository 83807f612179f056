'use client';
import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';
/** Marks a control whose tab stop we removed, with its original `tabindex` ('' for none). */
const SAVED = 'data-natter-tabindex';

function apply(row: Element, active: boolean): void {
  for (const el of row.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    // The message itself is the row's roving stop; an open menu manages its own items; a part
    // at a divider ("what you missed", a `section`) keeps its own tab stops.
    if (el.hasAttribute('data-natter-message') || el.closest('[role="menu"],section')) continue;
    const saved = el.getAttribute(SAVED);
    if (active) {
      if (saved === null) continue;
      el.removeAttribute(SAVED);
      if (saved === '') el.removeAttribute('tabindex');
      else el.setAttribute('tabindex', saved);
    } else if (saved === null && el.tabIndex >= 0) {
      el.setAttribute(SAVED, el.getAttribute('tabindex') ?? '');
      el.tabIndex = -1;
    }
  }
}

/**
 * One tab stop for the whole list: the controls inside a message (links, its actions button,
 * image and file buttons) are tab stops only in the current row, so Tab goes from the focused
 * message into its own controls and then out of the list, instead of through every row's.
 */
export function useRowTabStops(
  scrollRef: RefObject<HTMLElement | null>,
  activeKey: string | null,
): void {
  // After every list render: rows mount as the reader scrolls, and focus moves between rows.
  useLayoutEffect(() => {
    for (const row of scrollRef.current?.querySelectorAll<HTMLElement>('[data-natter-row]') ?? []) {
      apply(row, row.dataset.key === activeKey);
    }
  });
}
