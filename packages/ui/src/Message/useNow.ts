'use client';
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** One shared interval for every relative time on the page, running only while one is shown. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of [...listeners]) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The current time rounded down to `granularityMs`: a component re-renders only when the rounded
 * value changes (a relative time every minute, a day label at midnight).
 */
export function useNow(granularityMs: number): number {
  const read = () => Math.floor(Date.now() / granularityMs) * granularityMs;
  return useSyncExternalStore(subscribe, read, read);
}
