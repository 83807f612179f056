type Timer = ReturnType<typeof setTimeout>;

/** The actions' timers (confirm timeouts), all cleared at once when the store is destroyed. */
export interface ActionTimers {
  later(fn: () => void, ms: number): Timer;
  clear(timer: Timer | undefined): void;
  clearAll(): void;
}

export function createActionTimers(): ActionTimers {
  const timers = new Set<Timer>();
  return {
    later(fn, ms) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
      return timer;
    },
    clear(timer) {
      if (timer === undefined) return;
      clearTimeout(timer);
      timers.delete(timer);
    },
    clearAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * Every failure is also recorded in the state (entry status, lastError), so a caller that does not
 * await an action must not get an unhandled rejection: the action's promises are marked handled.
 */
export const handled =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> => {
    const promise = fn(...args);
    promise.catch(() => undefined);
    return promise;
  };
