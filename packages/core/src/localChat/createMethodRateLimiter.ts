import type { ChatRateLimits } from '../types';
import { createClientError } from './createClientError';

/**
 * The SDKs' rate-limit decorator: a fixed window (opened here at creation; the SDK's at module load)
 * that restarts once `period` seconds have passed; every call counts, even ones that then fail
 * validation. `limits` is read live, so `updateRateLimits` applies at once.
 */
export function createMethodRateLimiter(limits: ChatRateLimits, now: () => number): () => void {
  let windowStart = now();
  let count = 0;
  return () => {
    const time = now();
    if (time - windowStart > limits.period * 1000) {
      windowStart = time;
      count = 0;
    }
    if (count >= limits.maxInvocations) {
      throw createClientError(
        '0013',
        `Method rate limit ${limits.maxInvocations} invocations/${limits.period}sec exceeded`,
      );
    }
    count += 1;
  };
}
