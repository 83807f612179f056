import type { ChatStore } from '@natter/core';

/**
 * Loads older pages until message `id` is listed (when the store knows it and has older history),
 * then waits for the list to render it. Resolves to its index in the shown ids, or -1. Loaded
 * on demand: only a jump to a message outside the loaded history needs it.
 */
export async function loadUntilListed(
  store: ChatStore,
  id: string,
  indexShown: (id: string) => number,
  nextCommit: () => Promise<void>,
): Promise<number> {
  for (let page = 0; page < 200; page++) {
    const state = store.getState();
    if (!state.byId.has(id) || !state.hasOlder) break;
    await store.loadOlder().catch(() => undefined);
    if (store.getState().ids.indexOf(id) >= 0) {
      await nextCommit();
      return indexShown(id);
    }
  }
  return -1;
}
