'use client';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { ChatStore } from '@natter/core';
import { MissedSummary } from '../MissedSummary/MissedSummary';
import { getMissedTracker } from '../MissedSummary/missedTracker';

type Place = 'joined' | 'unread';

/** The summary at its divider: "Before you joined" where the reader joined, "While you were away" at the unread divider. */
function MissedAt({ store, place }: { store: ChatStore; place: Place }) {
  const tracker = getMissedTracker(store);
  const { kind } = useSyncExternalStore(tracker.subscribe, tracker.getState, tracker.getState);
  if ((kind === 'away') !== (place === 'unread')) return null;
  return <MissedSummary store={store} className="natter-missed--divider" />;
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
