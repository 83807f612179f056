/** The time source of a local chat: wall-clock time plus timers, injectable for determinism. */
export interface LocalChatClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The real clock. Globals are looked up on every call, so `vi.useFakeTimers()` installed after the
 * chat was created still takes effect.
 */
export const systemClock: LocalChatClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The real clock's timers with `now()` shifted so that it reads `start` at creation. */
export function createShiftedClock(start: number | Date): LocalChatClock {
  const offset = new Date(start).getTime() - Date.now();
  return { ...systemClock, now: () => Date.now() + offset };
}

/** A clock that only moves when told to. */
export interface ManualClock extends LocalChatClock {
  /** Moves time forward, running every timer that falls due on the way, in order. */
  advance(ms: number): void;
  /** Runs timers (including ones they schedule) until none is left or `limit` have run. */
  runAll(limit?: number): void;
  /** Timers not yet run. */
  readonly pending: number;
}

interface Timer {
  due: number;
  seq: number;
  callback: () => void;
}

/**
 * A deterministic clock for tests and Storybook: nothing happens until `advance()` or `runAll()`.
 *
 * @example
 * ```ts
 * const clock = createManualClock(Date.UTC(2025, 0, 1, 9));
 * const chat = createLocalChat({ clock, latencyMs: 120 });
 * await chat.sendTextMessage('hi');
 * clock.advance(120); // the broadcast arrives now, not before
 * ```
 */
export function createManualClock(
  start: number | Date = Date.UTC(2025, 0, 6, 9, 0, 0),
): ManualClock {
  let now = new Date(start).getTime();
  let seq = 0;
  const timers = new Set<Timer>();

  function nextDue(until: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of timers) {
      if (timer.due > until) continue;
      if (!next || timer.due < next.due || (timer.due === next.due && timer.seq < next.seq))
        next = timer;
    }
    return next;
  }

  function run(timer: Timer): void {
    timers.delete(timer);
    now = Math.max(now, timer.due);
    timer.callback();
  }

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer: Timer = { due: now + Math.max(0, ms), seq: seq++, callback };
      timers.add(timer);
      return timer;
    },
    clearTimeout(handle) {
      timers.delete(handle as Timer);
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (let timer = nextDue(target); timer; timer = nextDue(target)) run(timer);
      now = target;
    },
    runAll(limit = 10_000) {
      for (
        let ran = 0, timer = nextDue(Infinity);
        timer && ran < limit;
        ran++, timer = nextDue(Infinity)
      )
        run(timer);
    },
    get pending() {
      return timers.size;
    },
  };
}
