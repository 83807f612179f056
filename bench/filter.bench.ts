/**
 * Filter benchmarks (issue 16): `filterMessageIds` over 100k stored messages, for each kind of
 * filter the live list and the replay apply, and `summarizeMissed` over a 100k-message range.
 * Prints one JSON line per result.
 */
import {
  NO_FILTER,
  createChatStore,
  createStaticChat,
  filterMessageIds,
  missedRangeOf,
  summarizeMissed,
} from '@natter/core';
import type { Message, MessageFilter } from '@natter/core';

const emit = (result: Record<string, unknown>) =>
  console.log(JSON.stringify({ suite: 'filter', ...result }));

const N = 100_000;
const T0 = 1_700_000_000_000;
function makeMessages(n: number): Message[] {
  const out: Message[] = [];
  for (let i = 0; i < n; i++) {
    const base = {
      id: `m${i}`,
      userId: `u${i % 20}`,
      displayName: `User ${i % 20}`,
      time: new Date(T0 + i * 1000),
      timeMs: T0 + i * 1000,
      pinned: i % 997 === 0,
    };
    out.push(
      i % 10 === 3
        ? {
            ...base,
            type: 'file',
            link: `https://x.test/f${i}`,
            name: `report-${i}.pdf`,
            size: 1000,
          }
        : {
            ...base,
            type: 'text',
            message: `Message number ${i} with some ordinary words in it${i % 50 === 0 ? ' budget' : ''}`,
          },
    );
  }
  return out;
}

// The history alone: the filter reads what the store holds, no events needed.
const chat = createStaticChat(makeMessages(N));
const store = createChatStore(chat);
store.subscribe(() => undefined);
const state = store.getState();
if (state.ids.length !== N) throw new Error(`expected ${N} messages, got ${state.ids.length}`);

const cases: [string, Partial<MessageFilter>][] = [
  ['text "budget"', { search: 'budget' }],
  ['text with no match', { search: 'zzzz' }],
  ['participant', { participant: 'u7' }],
  ['type file', { type: 'file' }],
  ['pinned only', { pinnedOnly: true }],
  ['participant + text', { participant: 'u7', search: 'number' }],
];
for (const [label, over] of cases) {
  const filter = { ...NO_FILTER, ...over };
  const runs: number[] = [];
  let matches = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    matches = filterMessageIds(state, filter).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  emit({
    name: `filter 100,000 by ${label}`,
    matches,
    median_ms: +runs[3]!.toFixed(1),
    max_ms: +runs[6]!.toFixed(1),
  });
}

const range = missedRangeOf(state, null);
if (!range) throw new Error('no range');
const runs: number[] = [];
let count = 0;
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  count = summarizeMissed(state, range, 'u0').count;
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
emit({
  name: 'missed summary of 100,000',
  matches: count,
  median_ms: +runs[3]!.toFixed(1),
  max_ms: +runs[6]!.toFixed(1),
});
store.destroy();
