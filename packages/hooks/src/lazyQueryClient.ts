import type { QueryClient } from '@tanstack/react-query';

/** A TanStack Query client created on first use, with the export code, and mounted while needed. */
export interface LazyQueryClient {
  get(): Promise<QueryClient>;
  mount(): void;
  unmount(): void;
}

/**
 * The provider's own query client when the app passes none. TanStack Query caches only the replay
 * link, which nobody needs until an export starts, so its ~8 kB (min+gzip) load with the export
 * code (`exportTasks`) instead of with the panel.
 */
export function createLazyQueryClient(): LazyQueryClient {
  let pending: Promise<QueryClient> | null = null;
  let client: QueryClient | null = null;
  let mounts = 0;
  return {
    get() {
      pending ??= import('./exportTasks').then((tasks) => {
        client = new tasks.QueryClient();
        for (let i = 0; i < mounts; i++) client.mount();
        return client;
      });
      return pending;
    },
    mount() {
      mounts++;
      client?.mount();
    },
    unmount() {
      mounts--;
      client?.unmount();
    },
  };
}
