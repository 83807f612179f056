import type { Message } from '../types';

/** The Chat Replay API's CSV columns, in the order the API (and `toChatDumpCsv`) writes them. */
export const CHAT_DUMP_COLUMNS = [
  'id',
  'participantId',
  'sessionId',
  'meetingId',
  'displayName',
  'pinned',
  'isEdited',
  'payloadType',
  'payload',
  'createdAt',
] as const;

export type ChatDumpColumn = (typeof CHAT_DUMP_COLUMNS)[number];

/** Columns without which no message can be built. The others default to `''` / absent. */
export const REQUIRED_CHAT_DUMP_COLUMNS: readonly ChatDumpColumn[] = [
  'id',
  'participantId',
  'payloadType',
  'payload',
  'createdAt',
];

/** The payload types the Replay API documents, plus the one Natter writes for `custom` messages. */
export type ChatDumpPayloadType =
  'TEXT_MESSAGE' | 'IMAGE_MESSAGE' | 'FILE_MESSAGE' | 'CUSTOM_MESSAGE';

/**
 * A message read from a chat dump: our `Message` plus the dump's own fields, so nothing is lost.
 * `payloadType` is the raw cell (`TEXT_MESSAGE`, `IMAGE_MESSAGE`, ... or anything unknown).
 */
export type DumpMessage = Message & {
  sessionId: string;
  meetingId: string;
  payloadType: string;
};

/** Sets the flags a row gives; an unset one stays absent. */
export function withFlags(
  message: DumpMessage,
  pinned: boolean | undefined,
  isEdited: boolean | undefined,
): DumpMessage {
  if (pinned !== undefined) message.pinned = pinned;
  if (isEdited !== undefined) message.isEdited = isEdited;
  return message;
}

/**
 * A text message of a dump (the common kind), by `parseChatDump` and by the worker's page side
 * alike. The Replay API sets both flags on every row: then they are in the literal, as added
 * afterwards they take a second object per message (12 bytes more in V8).
 */
export function textDumpMessage(
  id: string,
  message: string,
  userId: string,
  displayName: string,
  time: Date,
  sessionId: string,
  meetingId: string,
  payloadType: string,
  pinned: boolean | undefined,
  isEdited: boolean | undefined,
): DumpMessage {
  if (pinned === undefined || isEdited === undefined) {
    const m: DumpMessage = {
      id,
      type: 'text',
      message,
      userId,
      displayName,
      time,
      sessionId,
      meetingId,
      payloadType,
    };
    return withFlags(m, pinned, isEdited);
  }
  return {
    id,
    type: 'text',
    message,
    userId,
    displayName,
    time,
    sessionId,
    meetingId,
    payloadType,
    pinned,
    isEdited,
  };
}

/** Column name → index in a row; absent optional columns are missing from the map. */
export type ColumnIndex = Partial<Record<ChatDumpColumn, number>>;

/** `participant_id`, ` ParticipantID ` and `participantId` all name the same column. */
function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_NORMALISED_NAME = new Map<string, ChatDumpColumn>(
  CHAT_DUMP_COLUMNS.map((column) => [normalise(column), column]),
);

/**
 * Finds the known columns in a header row by name (order free, unknown columns ignored, the first
 * of duplicated names wins). Returns the index and the required columns that are missing.
 */
export function locateColumns(header: readonly string[]): {
  index: ColumnIndex;
  known: number;
  missing: ChatDumpColumn[];
} {
  const index: ColumnIndex = {};
  let known = 0;
  header.forEach((name, position) => {
    const column = BY_NORMALISED_NAME.get(normalise(name));
    if (column !== undefined && index[column] === undefined) {
      index[column] = position;
      known += 1;
    }
  });
  const missing = REQUIRED_CHAT_DUMP_COLUMNS.filter((column) => index[column] === undefined);
  return { index, known, missing };
}
