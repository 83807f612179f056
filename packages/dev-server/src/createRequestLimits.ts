import type { ChatRateLimits } from '@natter/core';

/**
 * Per-key fixed windows, like the SDKs' client-side limiter: `maxInvocations` per `period` seconds,
 * the window opening at a key's first call. Expired windows are swept so the map stays small.
 */
export function createKeyedRateLimiter(limits: ChatRateLimits, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  const periodMs = limits.period * 1000;
  let lastSweep = now();

  function sweep(time: number): void {
    if (time - lastSweep < periodMs) return;
    lastSweep = time;
    for (const [key, window] of windows) if (time - window.start > periodMs) windows.delete(key);
  }

  return {
    /** Counts a call; false when the key is over its limit (the call is not counted then). */
    take(key: string): boolean {
      const time = now();
      sweep(time);
      let window = windows.get(key);
      if (!window || time - window.start > periodMs) {
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limits.maxInvocations) return false;
      window.count += 1;
      return true;
    },
  };
}

/**
 * One budget per kind of request (per user and session key): sends (`rateLimits`), changes
 * (`changeRateLimits`: edit, delete, pin, unpin), history pages (`historyRateLimits`) and joins
 * (`joinRateLimits`: each `hello` builds up to `joinHistoryLimit` messages).
 */
export function createRequestLimits(options: {
  rateLimits: ChatRateLimits;
  changeRateLimits: ChatRateLimits;
  historyRateLimits: ChatRateLimits;
  joinRateLimits: ChatRateLimits;
}): (kind: 'send' | 'change' | 'history' | 'join', key: string) => boolean {
  const limiters = {
    send: createKeyedRateLimiter(options.rateLimits),
    change: createKeyedRateLimiter(options.changeRateLimits),
    history: createKeyedRateLimiter(options.historyRateLimits),
    join: createKeyedRateLimiter(options.joinRateLimits),
  };
  return (kind, key) => limiters[kind].take(key);
}
