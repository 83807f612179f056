'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { ChatStore } from '@natter/core';
import { MissedSummary } from '../MissedSummary/MissedSummary';
import { getMissedTracker } from '../MissedSummary/missedTracker';

type Place = 'joined' | 'unread';

const NEXT: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The summary at its divider: "Before you joined" where the reader joined, "While you were away"
 * at the unread divider. Inside the list it is one tab stop, as the list is: the arrow keys (and
 * Home, End) move between its buttons, and Tab goes on to the composer.
 */
function MissedAt({ store, place }: { store: ChatStore; place: Place }) {
  const tracker = getMissedTracker(store);
  const { kind } = useSyncExternalStore(tracker.subscribe, tracker.getState, tracker.getState);
  const ref = useRef<HTMLElement>(null);
  const current = useRef(0);
  const buttons = () => [...(ref.current?.querySelectorAll('button') ?? [])];
  // After every render (items come and go): only the current button is a tab stop.
  useLayoutEffect(() => {
    const all = buttons();
    current.current = Math.min(current.current, all.length - 1);
    all.forEach((button, i) => (button.tabIndex = i === current.current ? 0 : -1));
  });
  if ((kind === 'away') !== (place === 'unread')) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const all = buttons();
    const at = all.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    // Left and Right follow the reading direction: in a right-to-left layout Left goes on.
    const mirrored =
      (event.key === 'ArrowLeft' || event.key === 'ArrowRight') &&
      getComputedStyle(event.currentTarget).direction === 'rtl';
    const by = mirrored ? -(NEXT[event.key] ?? 0) : NEXT[event.key];
    const next =
      by !== undefined
        ? (at + by + all.length) % all.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? all.length - 1
            : -1;
    if (next < 0) return;
    event.preventDefault();
    all.forEach((button, i) => (button.tabIndex = i === next ? 0 : -1));
    current.current = next;
    all[next]?.focus();
  };
  return (
    <MissedSummary
      ref={ref}
      store={store}
      className="natter-missed--divider"
      onKeyDown={onKeyDown}
    />
  );
}

export interface PanelMissedProps {
  store: ChatStore;
  /** Receives what the list shows at its dividers. */
  onReady(render: () => (place: Place) => ReactNode): void;
}

/**
 * `ChatPanel`'s "what you missed", loaded after first paint: follows what the reader has seen
 * while the panel is open (rows at the dividers come and go as the list scrolls, the panel stays)
 * and hands the list the summary to show at its divider.
 */
export default function PanelMissed({ store, onReady }: PanelMissedProps) {
  useEffect(() => getMissedTracker(store).open(), [store]);
  const render = useCallback((place: Place) => <MissedAt store={store} place={place} />, [store]);
  useEffect(() => onReady(() => render), [onReady, render]);
  return null;
}
