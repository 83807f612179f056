'use client';
import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A ref holding the value of the last commit, for callbacks and effects that must stay stable
 * (a listener added once, a function handed to every row) yet read what is current. It is written
 * in a layout effect, never during render, so it is up to date before any effect or event
 * handler runs.
 */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * A function whose identity never changes and that always calls the latest `callback`: an event
 * handler to pass to effects, contexts and memoized children without re-creating them (Radix's
 * `useCallbackRef`, React's `useEffectEvent`). Call it from events and effects, not during render.
 */
export function useStableCallback<A extends unknown[], R>(
  callback: (...args: A) => R,
): (...args: A) => R {
  const latest = useLatestRef(callback);
  return useCallback((...args: A) => latest.current(...args), [latest]);
}
