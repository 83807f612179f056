/**
 * The export machinery, loaded with a dynamic import the first time a download or replay starts:
 * the Replay API client, the streamed download, the CSV reader/writer, the transcript writers,
 * the anonymiser and the save trick stay out of the bundle of apps that never export. So does
 * TanStack Query's client, which caches the link.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  ReplayError,
  buildChatExport,
  createReplayClient,
  downloadChatDump,
  chatFileEntries,
  createAnonymiser,
  exportChoices,
  resolveExportChoice,
  neutraliseChatDump,
  parseChatDumpInWorker,
  pickSaveFile,
  saveBlob,
  saveStream,
  zipChatFiles,
} from '@natter/core';
import type {
  ChatExportChoice,
  ChatExportFile,
  ChatExportPolicy,
  Message,
  ReplayLink,
  ReplayLinkSource,
  ZipChatFilesProgress,
} from '@natter/core';
import { chatExportFilename } from './chatExportFilename';
import type { ChatExportNamer } from './chatExportFilename';
import type { ChatExportDownloadOptions, ChatFilesDownloadOptions } from './chatExportState';

export { QueryClient } from '@tanstack/react-query';
export {
  ReplayError,
  createReplayClient,
  downloadChatDump,
  neutraliseChatDump,
  parseChatDumpInWorker,
  saveBlob,
  toChatDumpCsv,
} from '@natter/core';

/** What `useChatExport` hands the export code. */
export interface ExportContext {
  policy: ChatExportPolicy | false | undefined;
  hasReplay: boolean;
  meetingName: string | undefined;
  /** What this client holds (sent messages). */
  live(): readonly Message[];
  /** The Replay API's dump (`fresh`: with a new link), when there is one. */
  dump: ((fresh: boolean) => Promise<Blob>) | undefined;
  sessionId: string;
  meetingId: string;
  nameOf(userId: string): string | undefined;
  signal: AbortSignal;
}

/** An error with a code, as the hook reports it. */
function failure(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** Why nothing can be exported: export is off, or the policy allows only what needs the Replay API. */
function nothingAllowed(context: ExportContext, what: string): Error {
  return failure(
    'disabled',
    context.policy === false
      ? `${what} turned off for this meeting.`
      : `${what} not possible here: the export policy allows only the whole record (scope "all"), which needs a Replay API endpoint (ChatProvider's replay).`,
  );
}

function baseName(
  meetingName: string | undefined,
  filename: string | ChatExportNamer | undefined,
  fallback?: ChatExportNamer,
) {
  const name =
    typeof filename === 'string'
      ? filename
      : chatExportFilename(meetingName, { name: filename ?? fallback });
  return name.replace(/\.(csv|txt|md|zip)$/i, '');
}

async function messagesOf(context: ExportContext, fromDump: boolean, fresh = false) {
  if (!fromDump || !context.dump) return { messages: context.live() };
  const parsed = await parseChatDumpInWorker(await context.dump(fresh), { signal: context.signal });
  return { messages: parsed.messages, first: parsed.messages[0] };
}

/** Exports the chosen messages in the chosen format and saves the file (`useChatExport().download`). */
export async function exportChat(
  context: ExportContext,
  { filename, ...requested }: ChatExportDownloadOptions,
): Promise<void> {
  const { signal } = context;
  const choices = exportChoices(context.policy, context.hasReplay);
  if (!choices) throw nothingAllowed(context, 'Export is');
  const choice = resolveExportChoice(choices, requested);
  if (typeof choice === 'string')
    throw failure('not-allowed', `This meeting does not allow exporting ${choice}.`);
  const base = baseName(context.meetingName, filename);
  if (
    context.dump &&
    choice.scope === 'all' &&
    choice.format === 'csv' &&
    choice.names === 'kept'
  ) {
    // The provider's CSV holds what participants typed: a `=HYPERLINK(...)` message would be a
    // live formula in the host's spreadsheet. Every row is kept; formula cells get a `'`.
    const blob = await context.dump(false);
    saveBlob(await neutraliseChatDump(blob, { signal }), `${base}.csv`);
    return;
  }
  const file = await writeChosenExport(context, choice, base);
  signal.throwIfAborted();
  saveBlob(file.blob, file.filename);
}

/** Gathers the chosen messages (Replay API dump or the store) and writes the chosen format. */
export async function writeChosenExport(
  context: ExportContext,
  choice: ChatExportChoice,
  base: string,
): Promise<ChatExportFile> {
  const fromDump = choice.scope === 'all' || choice.scope === 'pinned';
  const { messages, first } = await messagesOf(context, fromDump);
  context.signal.throwIfAborted();
  return buildChatExport(messages, {
    format: choice.format,
    names: choice.names,
    times: choice.times,
    excel: choice.excel,
    pinnedOnly: choice.scope === 'pinned',
    baseName: base,
    sessionId: first?.sessionId || context.sessionId,
    meetingId: first?.meetingId || context.meetingId,
    nameOf: context.nameOf,
  });
}

const filesName: ChatExportNamer = (meeting, day) =>
  meeting ? `${meeting} files ${day}` : `Files ${day}`;

/**
 * Every image and file of the meeting (from the Replay API's dump, else what this client holds)
 * in one zip with an index, streamed into the picked file or saved as a Blob once complete.
 * A link that storage refuses is refreshed once, from a fresh dump.
 */
export async function exportFiles(
  context: ExportContext,
  { names, filename, picker }: ChatFilesDownloadOptions,
  onProgress: (progress: ZipChatFilesProgress) => void,
): Promise<void> {
  const { signal } = context;
  const choices = exportChoices(context.policy, context.hasReplay);
  if (!choices) throw nothingAllowed(context, 'Exporting files is');
  if (!choices.files) throw failure('disabled', 'File downloads are turned off here.');
  if (names && !choices.names.includes(names))
    throw failure('not-allowed', `This meeting does not allow names "${names}".`);
  const anonymised = (names ?? choices.names[0]) === 'anonymised';
  const base = baseName(context.meetingName, filename, filesName);
  // The save dialog first, while the click's user activation lasts: fetching and parsing the dump
  // can outlast it. Anonymised, the suggested name leaves out the meeting's title (it may hold a
  // name that only the messages, not yet read, would tell).
  const target = pickSaveFile(
    `${anonymised ? baseName(undefined, undefined, filesName) : base}.zip`,
    { picker },
  );
  try {
    const { messages } = await messagesOf(context, true);
    const entries = chatFileEntries(messages);
    if (entries.length === 0) throw failure('no-files', 'No images or files were shared.');
    const anonymiser = anonymised ? createAnonymiser(messages) : undefined;
    const refresh = context.dump
      ? async () => {
          const fresh = chatFileEntries((await messagesOf(context, true, true)).messages);
          return new Map(fresh.map((e) => [e.messageId, e.link]));
        }
      : undefined;
    const stream = await zipChatFiles(entries, {
      signal,
      onProgress,
      anonymiser,
      refresh,
    });
    await saveStream(stream, `${anonymiser ? anonymiser.text(base) : base}.zip`, {
      signal,
      type: 'application/zip',
      target,
    });
  } catch (error) {
    // Nothing half-written: a file the dialog created before the export failed is removed.
    await (await target.catch(() => undefined))?.remove?.().catch(() => undefined);
    throw error;
  }
}

export interface ReplayLinkOptions {
  source: ReplayLinkSource | undefined;
  sessionId: string | undefined;
  getQueryClient: (() => Promise<QueryClient>) | undefined;
  marginMs: number;
}

/**
 * The session's signed dump link from the app's endpoint, cached by TanStack Query until shortly
 * before it expires; `force` asks for a new one.
 */
export async function getReplayLink(
  { source, sessionId, getQueryClient, marginMs }: ReplayLinkOptions,
  { force, signal }: { force?: boolean; signal?: AbortSignal },
): Promise<ReplayLink> {
  if (!source || !sessionId) {
    throw new ReplayError('unsupported', 'No replay endpoint or session id is configured.');
  }
  const endpoint = 'endpoint' in source ? source.endpoint : undefined;
  const client = createReplayClient(source, { safetyMarginMs: marginMs });
  const queryKey = ['natter', 'chat-replay-link', endpoint ?? 'custom', sessionId];
  const queryFn = () => client.getDownloadUrl(sessionId, { signal, force });
  const queryClient = await getQueryClient?.();
  if (!queryClient) return queryFn();
  if (force) await queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
  return queryClient.fetchQuery({
    queryKey,
    queryFn,
    // The link is server state whose freshness ends at its expiry (minus the safety margin).
    staleTime: (query) =>
      query.state.data ? client.msUntilStale(query.state.data as ReplayLink) : 0,
    gcTime: 10 * 60_000,
    retry: false,
  });
}

export interface FetchChatDumpOptions {
  link: ReplayLinkOptions;
  signal: AbortSignal;
  /** Ask for a new link first (the last one's files were refused). */
  fresh?: boolean;
  onDownloading(): void;
  onProgress(progress: { loaded: number; total: number | undefined }): void;
}

/**
 * Streams the session's dump with progress (at most ~20 updates a second, the last always
 * delivered), refreshing an expired or refused link once.
 */
export async function fetchChatDump(options: FetchChatDumpOptions): Promise<Blob> {
  const { signal, onProgress } = options;
  let last = 0;
  // A dropped update is delivered by a trailing timer, so a slow or stalled stream never keeps
  // showing a stale value (it used to stay at 0 % until the next chunk).
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const publish = (p: { loaded: number; total: number | undefined }) => {
    clearTimeout(trailing);
    trailing = undefined;
    last = Date.now();
    if (!signal.aborted) onProgress({ loaded: p.loaded, total: p.total });
  };
  const blob = await downloadChatDump({
    getUrl: async (o) => {
      const link = await getReplayLink(options.link, {
        ...o,
        force: o.force || options.fresh === true,
        signal,
      });
      options.onDownloading();
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
  onProgress({ loaded: blob.size, total: blob.size });
  return blob;
}
