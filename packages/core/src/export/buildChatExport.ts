import { formatElapsed } from '../formatElapsed';
import { toChatDumpCsv } from '../csv/toChatDumpCsv';
import type { CustomAttachment, Message } from '../types';
import type { ChatExportFormat, ChatExportNames, ChatExportTimes } from './chatExportTypes';
import { createAnonymiser } from './createAnonymiser';
import type { Anonymiser } from './createAnonymiser';
import { transcriptContent, writeMarkdownTranscript, writeTextTranscript } from './writeTranscript';

export interface BuildChatExportOptions {
  format: ChatExportFormat;
  names?: ChatExportNames;
  /** Transcripts only: a CSV keeps ISO times in `createdAt`, so it reads back. */
  times?: ChatExportTimes;
  /** Starts the file with a UTF-8 byte-order mark (Excel then reads it as UTF-8). */
  excel?: boolean;
  /** Keeps only pinned messages. */
  pinnedOnly?: boolean;
  sessionId?: string;
  meetingId?: string;
  /** The file's name without extension (`Weekly sync chat 2026-11-30`); names in it are replaced when anonymising. */
  baseName: string;
  /** Names of user ids that may have sent nothing (recipients of private messages). */
  nameOf?: (userId: string) => string | undefined;
  /** Where relative times count from. Default: the earliest message. */
  meetingStart?: Date;
}

export interface ChatExportFile {
  blob: Blob;
  filename: string;
  /** How many messages it holds. */
  count: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-30 10:00:05`, local time. */
export function formatClockTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function anonymiseAttachment(a: CustomAttachment, anon: Anonymiser): CustomAttachment {
  const out = { ...a, link: anon.link(a.link) };
  if (a.name !== undefined) out.name = anon.text(a.name);
  return out;
}

/** The message with names, ids, text, file names and name-bearing links replaced. */
function anonymise(message: Message, anon: Anonymiser): Message {
  const who = {
    userId: anon.id(message.userId),
    displayName: anon.name(message.userId),
    targetUserIds: message.targetUserIds?.map(anon.id),
  };
  switch (message.type) {
    case 'text':
      return { ...message, ...who, message: anon.text(message.message) };
    case 'image':
      return { ...message, ...who, link: anon.link(message.link) };
    case 'file':
      return { ...message, ...who, link: anon.link(message.link), name: anon.text(message.name) };
    default: {
      // Custom HTML cannot be scrubbed reliably: it is left out.
      const { html: _html, ...rest } = message;
      const list = (items: CustomAttachment[] | undefined) =>
        items?.map((a) => anonymiseAttachment(a, anon));
      const files = list(message.files);
      const images = list(message.images);
      const videos = list(message.videos);
      return {
        ...rest,
        ...who,
        message: message.message === undefined ? undefined : anon.text(message.message),
        files,
        images,
        videos,
      };
    }
  }
}

/**
 * Writes an export of `messages` in the chosen format: the Replay API's CSV (with a trailing
 * `privateTo` column when private messages are in it), or a `.txt` / `.md` transcript (time,
 * name, text, file links, pins and private recipients marked). Anonymising replaces every name
 * (senders, recipients, names typed in text and file names, the file's own name) with
 * "Participant N", ids with `participant-N`, and drops links that contain a name or an id.
 *
 * @example
 * ```ts
 * const { blob, filename } = await buildChatExport(messages, { format: 'md', names: 'anonymised', baseName: 'Standup chat 2026-11-30' })
 * saveBlob(blob, filename)
 * ```
 */
export async function buildChatExport(
  messages: readonly Message[],
  options: BuildChatExportOptions,
): Promise<ChatExportFile> {
  const { format, names = 'kept', times = 'absolute', excel = false, pinnedOnly = false } = options;
  const senders = new Map<string, string>();
  for (const m of messages)
    if (m.displayName && !senders.has(m.userId)) senders.set(m.userId, m.displayName);
  const known = (id: string) => options.nameOf?.(id) || senders.get(id) || id;
  const recipientNames = new Map<string, string>();
  for (const m of messages)
    for (const id of m.targetUserIds ?? []) recipientNames.set(id, known(id));
  const anon =
    names === 'anonymised' ? createAnonymiser(messages, { names: recipientNames }) : null;
  const chosen = pinnedOnly ? messages.filter((m) => m.pinned) : messages;
  const hasPrivate = chosen.some((m) => (m.targetUserIds?.length ?? 0) > 0);
  // The SDKs add the sender to `targetUserIds`: the recipients are the others.
  const recipients = (m: Message) =>
    (m.targetUserIds ?? [])
      .filter((id) => id !== m.userId)
      .map((id) => (anon ? anon.name(id) : known(id)));
  const baseName = anon ? anon.text(options.baseName) : options.baseName;
  const bom = excel ? '\uFEFF' : '';

  if (format === 'csv') {
    const privateTo = new Map<Message, string>();
    const rows = chosen.map((m) => {
      const row = anon ? anonymise(m, anon) : m;
      privateTo.set(row, recipients(m).join(', '));
      return row;
    });
    const csv = await toChatDumpCsv(rows, {
      sessionId: options.sessionId ?? '',
      meetingId: options.meetingId ?? '',
      bom: excel,
      privateTo: hasPrivate ? (m: Message) => privateTo.get(m) ?? '' : undefined,
    });
    return {
      blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      filename: `${baseName}.csv`,
      count: rows.length,
    };
  }

  let first = Infinity;
  for (const m of messages) if (m.time.getTime() < first) first = m.time.getTime();
  const start = options.meetingStart ?? new Date(Number.isFinite(first) ? first : 0);
  const lines = chosen.map((m) => {
    const content = transcriptContent(anon ? anonymise(m, anon) : m);
    const to = recipients(m);
    return {
      time:
        times === 'relative'
          ? formatElapsed(m.time.getTime(), start.getTime())
          : formatClockTime(m.time),
      name: anon ? anon.name(m.userId) : m.displayName || known(m.userId),
      privateTo: to.length ? to : undefined,
      pinned: m.pinned === true,
      edited: m.isEdited === true,
      ...content,
    };
  });
  const text =
    format === 'md'
      ? writeMarkdownTranscript(baseName, lines)
      : writeTextTranscript(baseName, lines);
  const type = format === 'md' ? 'text/markdown;charset=utf-8' : 'text/plain;charset=utf-8';
  return {
    blob: new Blob([bom, text], { type }),
    filename: `${baseName}.${format}`,
    count: lines.length,
  };
}
