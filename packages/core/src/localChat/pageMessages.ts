import type { Message } from '../types';
import { timeOf } from './formatWireMessage';

/** One page of a time-ordered log, as the chat server's `getPaginatedMessages` answers. */
export interface MessagePage {
  messages: Message[];
  /** More messages exist beyond this page in the same direction. */
  next: boolean;
}

/**
 * Pages through `log` (ascending by time) from the cursor `timestamp`, exclusive.
 * `before: true` takes the `limit` newest messages older than the cursor, skipping the `offset`
 * newest of those; `before: false` takes the `limit` oldest messages newer than the cursor, skipping
 * the first `offset`. Pages are always returned oldest first.
 */
export function pageMessages(
  log: readonly Message[],
  timestamp: number,
  limit: number,
  before: boolean,
  offset = 0,
): MessagePage {
  const size = Math.max(0, Math.floor(limit));
  const skip = Math.max(0, Math.floor(offset));
  const candidates = log.filter((message) =>
    before ? timeOf(message) < timestamp : timeOf(message) > timestamp,
  );
  if (before) {
    const end = Math.max(0, candidates.length - skip);
    const start = Math.max(0, end - size);
    return { messages: candidates.slice(start, end), next: start > 0 };
  }
  return { messages: candidates.slice(skip, skip + size), next: skip + size < candidates.length };
}
