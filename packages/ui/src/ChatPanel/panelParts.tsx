'use client';
import { Suspense, lazy, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { usePinned } from '@natter/hooks';
import type { PinBarProps } from '../PinBar/PinBar';

/**
 * A replaceable part of the panel: `undefined` keeps the default, `null` removes it, a node
 * replaces it, a function receives the default element (to wrap or decorate it).
 */
export type PanelSlot = ReactNode | ((defaultPart: ReactElement) => ReactNode);

/** The pin bar's code loads with the first pin: many meetings never pin anything. */
const PinBar = lazy(() => import('../PinBar/PinBar').then((m) => ({ default: m.PinBar })));

/** The switcher loads with the first private conversation: many meetings have none. */
export const ConversationSwitcher = lazy(() =>
  import('../ConversationSwitcher/ConversationSwitcher').then((m) => ({
    default: m.ConversationSwitcher,
  })),
);

/** The panel's default pin bar: nothing while nothing is pinned (as `PinBar` itself). */
export function PanelPinBar(props: PinBarProps) {
  const { pinned } = usePinned({ chat: props.chat });
  if (pinned.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <PinBar {...props} />
    </Suspense>
  );
}

export function resolve(slot: PanelSlot | undefined, fallback: ReactElement): ReactNode {
  if (slot === undefined) return fallback;
  return typeof slot === 'function' ? slot(fallback) : slot;
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** Keeps the previous object while the new one is shallowly equal (inline `strings={{…}}`). */
export function useShallowStable<T extends object | undefined>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || shallowEqual(kept, value)) return kept;
  setKept(value);
  return value;
}
