'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatDumpResult, ChatState, ReplayLink, ReplayLinkSource } from '@natter/core';

const selectStatus = (s: ChatState) => s.status;
/** Loaded on first use (see exportTasks.ts). */
const loadTasks = () => import('./exportTasks');
const DEFAULT_MARGIN_MS = 30_000;
import { chatExportFilename } from './chatExportFilename';
import type { ChatExportNamer } from './chatExportFilename';
import { useOptionalChatContext } from './ChatContext';
import type { ReplayConfig } from './ChatContext';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

export type ChatExportStatus =
  'idle' | 'requesting-url' | 'downloading' | 'parsing' | 'done' | 'error';

export interface ChatExportProgress {
  loaded: number;
  /** From `Content-Length`; `undefined` when the server does not say. */
  total: number | undefined;
}

export interface ChatExportError {
  code: string;
  message: string;
  cause: unknown;
}

export interface UseChatExportOptions extends ChatHookOptions {
  /** The session to export; defaults to the provider's `replay.sessionId`. */
  sessionId?: string;
  /** Overrides the provider's replay config. */
  replay?: ReplayConfig;
  /** A link counts as expired this long before its expiry. Default 30 s. */
  safetyMarginMs?: number;
  /** Meeting id written into a live export (no Replay API). */
  meetingId?: string;
  /**
   * The meeting's title, for the saved file's name (`Weekly sync chat 2026-11-30.csv`).
   * Default: the provider's `meeting.meta.meetingTitle`.
   */
  meetingName?: string | undefined;
}

export interface UseChatExportResult {
  status: ChatExportStatus;
  isIdle: boolean;
  isRequestingUrl: boolean;
  isDownloading: boolean;
  isParsing: boolean;
  isDone: boolean;
  isError: boolean;
  progress: ChatExportProgress | null;
  error: ChatExportError | null;
  /** Whether a Replay API endpoint is configured; without one `download` exports live messages. */
  hasReplay: boolean;
  /**
   * Downloads the session's CSV and saves it. `filename` is the name, or a function of the
   * meeting's title and the day (for translations); default `Weekly sync chat 2026-11-30.csv`,
   * `Chat 2026-11-30.csv` without a title (see `chatExportFilename`).
   */
  download(options?: { filename?: string | ChatExportNamer }): Promise<void>;
  /** Downloads and parses the dump for a read-only replay. */
  load(): Promise<ChatDumpResult>;
  /** Stops a download or parse under way. */
  abort(): void;
  reset(): void;
}

function toExportError(error: unknown): ChatExportError {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { code: 'aborted', message: 'The download was cancelled.', cause: error };
  }
  // ReplayError and ChatDumpError carry a code (checked by shape: they load lazily).
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return { code: error.code, message: error.message, cause: error };
  }
  const message = error instanceof Error ? error.message : 'The chat could not be exported.';
  return { code: 'unknown', message, cause: error };
}

/**
 * Exports the session's chat through the Chat Replay API: gets the signed link from your app's
 * endpoint (cached by TanStack Query until shortly before it expires), streams the CSV with
 * progress, refreshes an expired or refused link once, and saves it. Without a replay endpoint it
 * writes the live messages in the same CSV format.
 *
 * @example
 * ```tsx
 * const { download, status, progress, error } = useChatExport({ sessionId })
 * <button onClick={() => download()} aria-busy={status === 'downloading'}>Download chat</button>
 * ```
 */
export function useChatExport(options: UseChatExportOptions = {}): UseChatExportResult {
  const context = useOptionalChatContext();
  const store = useChatStore(options, 'useChatExport');
  // Subscribing keeps the store attached (and its history loaded) for a live export; `status`
  // changes rarely, so this costs no re-renders per message.
  useChatSelector(store, selectStatus);
  const replay = options.replay ?? context?.replay;
  const sessionId = options.sessionId ?? replay?.sessionId;
  const getQueryClient = context?.getQueryClient;
  const [status, setStatus] = useState<ChatExportStatus>('idle');
  const [progress, setProgress] = useState<ChatExportProgress | null>(null);
  const [error, setError] = useState<ChatExportError | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  const meetingId = options.meetingId;
  const meetingName = options.meetingName ?? context?.meetingTitle;
  const margin = options.safetyMarginMs;

  const endpoint = replay && 'endpoint' in replay ? replay.endpoint : undefined;
  const fetchDownloadUrl =
    replay && 'fetchDownloadUrl' in replay ? replay.fetchDownloadUrl : undefined;
  const source = useMemo<ReplayLinkSource | undefined>(
    () =>
      endpoint !== undefined ? { endpoint } : fetchDownloadUrl ? { fetchDownloadUrl } : undefined,
    [endpoint, fetchDownloadUrl],
  );
  const marginMs = margin ?? DEFAULT_MARGIN_MS;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const getLink = useCallback(
    async ({ force, signal }: { force?: boolean; signal?: AbortSignal }): Promise<ReplayLink> => {
      const tasks = await loadTasks();
      if (!source || !sessionId) {
        throw new tasks.ReplayError(
          'unsupported',
          'No replay endpoint or session id is configured.',
        );
      }
      const client = tasks.createReplayClient(source, { safetyMarginMs: marginMs });
      const queryKey = ['natter', 'chat-replay-link', endpoint ?? 'custom', sessionId];
      const queryFn = () =>
        client.getDownloadUrl(sessionId, {
          ...(signal ? { signal } : {}),
          ...(force ? { force } : {}),
        });
      const queryClient = await getQueryClient?.();
      if (!queryClient) return queryFn();
      if (force)
        await queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
      return queryClient.fetchQuery({
        queryKey,
        queryFn,
        // The link is server state whose freshness ends at its expiry (minus the safety margin).
        staleTime: (query) =>
          query.state.data ? client.msUntilStale(query.state.data as ReplayLink) : 0,
        gcTime: 10 * 60_000,
        retry: false,
      });
    },
    [source, sessionId, endpoint, getQueryClient, marginMs],
  );

  const run = useCallback(async <T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setError(null);
    setProgress(null);
    try {
      const result = await task(own.signal);
      if (mounted.current && controller.current === own) setStatus('done');
      return result;
    } catch (caught) {
      const failure = toExportError(own.signal.aborted ? (own.signal.reason ?? caught) : caught);
      if (mounted.current && controller.current === own) {
        setError(failure);
        setStatus(own.signal.aborted ? 'idle' : 'error');
      }
      throw caught;
    }
  }, []);

  const fetchDump = useCallback(
    async (signal: AbortSignal): Promise<Blob> => {
      setStatus('requesting-url');
      let last = 0;
      // A dropped update is delivered by a trailing timer, so a slow or stalled stream never
      // keeps showing a stale value (it used to stay at 0 % until the next chunk).
      let trailing: ReturnType<typeof setTimeout> | undefined;
      const publish = (p: ChatExportProgress) => {
        clearTimeout(trailing);
        trailing = undefined;
        last = Date.now();
        if (mounted.current && !signal.aborted) setProgress({ loaded: p.loaded, total: p.total });
      };
      const { downloadChatDump } = await loadTasks();
      const blob = await downloadChatDump({
        getUrl: async (o) => {
          const link = await getLink({ ...o, signal });
          if (mounted.current) setStatus('downloading');
          return link;
        },
        signal,
        onProgress: (p) => {
          // Throttle re-renders to ~20 per second; the final value always lands.
          const wait = 50 - (Date.now() - last);
          if (wait <= 0 || p.loaded === p.total) return publish(p);
          clearTimeout(trailing);
          trailing = setTimeout(() => publish(p), wait);
        },
      }).finally(() => clearTimeout(trailing));
      if (mounted.current) setProgress({ loaded: blob.size, total: blob.size });
      return blob;
    },
    [getLink],
  );

  const download = useCallback(
    async ({ filename }: { filename?: string | ChatExportNamer } = {}) => {
      await run(async (signal) => {
        const name =
          typeof filename === 'string'
            ? filename
            : chatExportFilename(meetingName, filename ? { name: filename } : {});
        const { saveBlob, toChatDumpCsv } = await loadTasks();
        if (!source) {
          // No Replay API (it is off by default for organisations): export what this client holds.
          const csv = await toChatDumpCsv(
            store.getMessages().filter((m) => m.status === 'sent'),
            { sessionId: sessionId ?? '', meetingId: meetingId ?? '' },
          );
          signal.throwIfAborted();
          saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
          return;
        }
        const blob = await fetchDump(signal);
        // The provider's CSV holds what participants typed: a `=HYPERLINK(...)` message would be
        // a live formula in the host's spreadsheet. Every row is kept; formula cells get a `'`.
        const { neutraliseChatDump } = await loadTasks();
        saveBlob(await neutraliseChatDump(blob, { signal }), name);
      }).catch(() => undefined);
    },
    [run, source, fetchDump, sessionId, meetingId, meetingName, store],
  );

  const load = useCallback(
    () =>
      run(async (signal) => {
        const blob = await fetchDump(signal);
        setStatus('parsing');
        const { parseChatDumpInWorker } = await loadTasks();
        return parseChatDumpInWorker(blob, { signal });
      }),
    [run, fetchDump],
  );

  const abort = useCallback(
    () => controller.current?.abort(new DOMException('Cancelled', 'AbortError')),
    [],
  );
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setStatus('idle');
    setProgress(null);
    setError(null);
  }, []);

  return {
    status,
    isIdle: status === 'idle',
    isRequestingUrl: status === 'requesting-url',
    isDownloading: status === 'downloading',
    isParsing: status === 'parsing',
    isDone: status === 'done',
    isError: status === 'error',
    progress,
    error,
    hasReplay: source !== undefined,
    download,
    load,
    abort,
    reset,
  };
}
