import { describe, expect, it, vi } from 'vitest';
import { createChatStore } from '../createChatStore';
import { createLocalChat } from '../createLocalChat';
import { IdList } from '../IdList';
import type { Message } from '../types';
import { NO_FILTER, filterMessageIds, isFilterEmpty } from './filterMessageIds';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
function msg(i: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${i}`,
    type: 'text',
    userId: 'u-ada',
    displayName: 'Ada',
    time: new Date(T0 + i * 60_000),
    timeMs: T0 + i * 60_000,
    message: `line ${i}`,
    ...over,
  } as Message;
}

const history: Message[] = [
  msg(1, { message: 'Budget review at noon' }),
  msg(2, { userId: 'u-bob', displayName: 'Bob', message: 'the BUDGET looks fine', pinned: true }),
  msg(3, { type: 'image', link: 'https://cdn.example.com/chart.png' } as Partial<Message>),
  msg(4, {
    userId: 'u-bob',
    displayName: 'Bob',
    type: 'file',
    link: 'https://cdn.example.com/b.xlsx',
    name: 'budget.xlsx',
    size: 2048,
  } as Partial<Message>),
  msg(5, { userId: 'u-bob', displayName: 'Bob', message: '<img src=x onerror=alert(1)>' }),
];

async function readyStore() {
  const chat = createLocalChat({ history, latencyMs: 0 });
  const store = createChatStore(chat);
  const stop = store.subscribe(() => undefined);
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
  return { store, stop };
}

describe('filterMessageIds', () => {
  it('keeps everything, as the same list, when the filter is empty', async () => {
    const { store, stop } = await readyStore();
    const state = store.getState();
    expect(isFilterEmpty(NO_FILTER)).toBe(true);
    expect(isFilterEmpty({ ...NO_FILTER, search: '   ' })).toBe(true);
    expect(filterMessageIds(state, NO_FILTER)).toBe(state.ids);
    stop();
  });

  it('combines participant, type, pinned and case-insensitive text, in list order', async () => {
    const { store, stop } = await readyStore();
    const state = store.getState();
    const f = (over: Partial<typeof NO_FILTER>) =>
      filterMessageIds(state, { ...NO_FILTER, ...over }).toArray();
    expect(f({ search: 'budget' })).toEqual(['m1', 'm2', 'm4']);
    expect(f({ search: 'budget', participant: 'u-bob' })).toEqual(['m2', 'm4']);
    expect(f({ participant: 'u-bob', type: 'file' })).toEqual(['m4']);
    expect(f({ type: 'image' })).toEqual(['m3']);
    expect(f({ pinnedOnly: true })).toEqual(['m2']);
    expect(f({ pinnedOnly: true, type: 'file' })).toEqual([]);
    expect(f({ participant: 'u-nobody' })).toEqual([]);
    // Markup in a search is text to look for, nothing more.
    expect(f({ search: '<img src=x' })).toEqual(['m5']);
    stop();
  });

  it('filters within a given subset (a conversation) and follows edits, pins and deletes', async () => {
    const { store, stop } = await readyStore();
    expect(
      filterMessageIds(
        store.getState(),
        { ...NO_FILTER, search: 'budget' },
        IdList.from(['m2', 'm3', 'm4']),
      ).toArray(),
    ).toEqual(['m2', 'm4']);
    await store.pin('m1');
    await store.remove('m4');
    expect(
      filterMessageIds(store.getState(), { ...NO_FILTER, pinnedOnly: true }).toArray(),
    ).toEqual(['m1', 'm2']);
    expect(
      filterMessageIds(store.getState(), { ...NO_FILTER, search: 'budget' }).toArray(),
    ).toEqual(['m1', 'm2']);
    stop();
  });
});
