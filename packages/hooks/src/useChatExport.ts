'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatDumpResult, ChatExportPolicy, ChatState, ReplayLinkSource } from '@natter/core';

const selectStatus = (s: ChatState) => s.status;
/** Loaded on first use (see exportTasks.ts). */
const loadTasks = () => import('./exportTasks');
const DEFAULT_MARGIN_MS = 30_000;
import { useOptionalChatContext } from './ChatContext';
import type { ReplayConfig } from './ChatContext';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';
import { toExportError } from './chatExportState';
import type { ChatExportError, ChatExportProgress, ChatExportStatus } from './chatExportState';

import type { ChatExportDownloadOptions, ChatFilesDownloadOptions } from './chatExportState';

export type {
  ChatExportDownloadOptions,
  ChatExportError,
  ChatExportProgress,
  ChatExportStatus,
  ChatFilesDownloadOptions,
} from './chatExportState';

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
   * The provider's `exportPolicy` (`false`: export is off); `exportChoices(policy, hasReplay)`
   * lists what it allows here.
   */
  policy: ChatExportPolicy | false | undefined;
  /**
   * Downloads the session's chat and saves it. With no options: the Replay API's CSV (or, without
   * one, the messages this person can see), as before. Choose `scope` (`all` | `visible` |
   * `pinned`), `format` (`csv` | `txt` | `md`), `names` (`kept` | `anonymised`), `times`
   * (`absolute` | `relative`, transcripts) and `excel` (a UTF-8 BOM). A choice the policy forbids
   * fails with code `not-allowed`; export turned off fails with `disabled`.
   */
  download(options?: ChatExportDownloadOptions): Promise<void>;
  /**
   * Saves every image and file of the meeting in one zip (from the Replay API's dump, else what
   * this client holds), with `index.csv` (name in the zip, sender, time, original name). Names
   * are made safe and unique; `names: 'anonymised'` replaces people's names. Streams into a file
   * the person picks where the browser has `showSaveFilePicker` (unless `picker: false`), else
   * saves a Blob once complete; an abort leaves nothing behind. Fails with `no-files` when
   * nothing was shared.
   */
  downloadFiles(options?: ChatFilesDownloadOptions): Promise<void>;
  /** Downloads and parses the dump for a read-only replay. */
  load(): Promise<ChatDumpResult>;
  /** Stops a download or parse under way. */
  abort(): void;
  reset(): void;
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
  const store = useChatStore(options);
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
  const policy = context?.exportPolicy;
  const hasReplay = source !== undefined;
  const meetingStore = context?.meetingStore;

  // Unmounting aborts the task under way: its late progress is dropped (each callback checks its
  // signal), and a state update after unmount does nothing (React 18+), so no "is mounted" flag.
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async <T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setError(null);
    setProgress(null);
    try {
      const result = await task(own.signal);
      if (controller.current === own) setStatus('done');
      return result;
    } catch (caught) {
      const failure = toExportError(own.signal.aborted ? (own.signal.reason ?? caught) : caught);
      if (controller.current === own) {
        setError(failure);
        setStatus(own.signal.aborted ? 'idle' : 'error');
      }
      throw caught;
    }
  }, []);

  const fetchDump = useCallback(
    async (signal: AbortSignal, fresh = false): Promise<Blob> => {
      setStatus('requesting-url');
      const tasks = await loadTasks();
      return tasks.fetchChatDump({
        link: { source, sessionId, getQueryClient, marginMs },
        signal,
        fresh,
        onDownloading: () => signal.aborted || setStatus('downloading'),
        onProgress: (p) => signal.aborted || setProgress(p),
      });
    },
    [source, sessionId, getQueryClient, marginMs],
  );

  // What the export needs, for the lazily loaded code that does it (exportTasks.ts).
  const exportContext = useCallback(
    (signal: AbortSignal) => ({
      policy,
      hasReplay,
      meetingName,
      // Without the Replay API (off by default for organisations): what this client holds.
      live: () => store.getMessages().filter((m) => m.status === 'sent'),
      dump: source ? (fresh: boolean) => fetchDump(signal, fresh) : undefined,
      sessionId: sessionId ?? '',
      meetingId: meetingId ?? '',
      nameOf: (id: string) => meetingStore?.getParticipant(id)?.name,
      signal,
    }),
    [policy, hasReplay, meetingName, store, source, fetchDump, sessionId, meetingId, meetingStore],
  );

  const download = useCallback(
    (options: ChatExportDownloadOptions = {}) =>
      run(async (signal) => (await loadTasks()).exportChat(exportContext(signal), options)).catch(
        () => undefined,
      ),
    [run, exportContext],
  );

  const downloadFiles = useCallback(
    (options: ChatFilesDownloadOptions = {}) =>
      run(async (signal) => {
        const tasks = await loadTasks();
        setStatus('downloading');
        await tasks.exportFiles(exportContext(signal), options, (p) => {
          if (!signal.aborted) setProgress(p);
        });
      }).catch(() => undefined),
    [run, exportContext],
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
    policy,
    download,
    downloadFiles,
    load,
    abort,
    reset,
  };
}
