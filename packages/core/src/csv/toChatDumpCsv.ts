import type { Message } from '../types';
import { CHAT_DUMP_COLUMNS } from './chatDumpColumns';
import { formatDateCell, neutraliseFormula } from './chatDumpCells';
import { encodePayload } from './chatDumpPayload';
import { loadPapa } from './loadPapa';

export interface ToChatDumpCsvOptions {
  sessionId: string;
  meetingId: string;
  /** Start with a UTF-8 byte-order mark so Excel reads emoji and accents correctly (default false). */
  bom?: boolean;
  /**
   * Adds a trailing `privateTo` column (after the API's ten, which stay as they are) with the
   * recipients of each private message; readers that do not know it ignore it.
   */
  privateTo?: (message: Message) => string;
}

/**
 * Writes messages in the Chat Replay API's CSV format: the header row, then one CRLF-terminated
 * RFC 4180 record per message. What `parseChatDump` reads back equals the input (for the fields
 * the format has: id, userId, displayName, time, pinned, isEdited and the payload).
 *
 * - Images: `IMAGE_MESSAGE` with JSON `{"link"}`; files: `FILE_MESSAGE` with JSON
 *   `{"link","name","size"}`; custom messages: see `chatDumpPayload.ts`.
 * - `createdAt` is ISO 8601 UTC (`toISOString`); an invalid date is written blank.
 * - `pinned` / `isEdited` are `true`/`false`, blank when the message does not say.
 * - Every cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 *   CR, after any `'`s) gets a leading `'`; the reader removes it (rule in `chatDumpCells.ts`).
 *
 * Async because papaparse is loaded on first use.
 *
 * @example
 * ```ts
 * const csv = await toChatDumpCsv(chat.messages, { sessionId, meetingId });
 * saveAs(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `chat-${sessionId}.csv`);
 * ```
 */
export async function toChatDumpCsv(
  messages: readonly Message[],
  options: ToChatDumpCsvOptions,
): Promise<string> {
  const Papa = await loadPapa();
  const { privateTo } = options;
  const rows: string[][] = [
    privateTo ? [...CHAT_DUMP_COLUMNS, 'privateTo'] : [...CHAT_DUMP_COLUMNS],
  ];
  for (const message of messages) {
    const [payloadType, payload] = encodePayload(message);
    rows.push(
      [
        message.id,
        message.userId,
        options.sessionId,
        options.meetingId,
        message.displayName,
        flag(message.pinned),
        flag(message.isEdited),
        payloadType,
        payload,
        formatDateCell(message.time),
        ...(privateTo ? [privateTo(message)] : []),
      ].map((cell) => neutraliseFormula(String(cell ?? ''))),
    );
  }
  const csv = Papa.unparse(rows, { newline: '\r\n', quoteChar: '"', escapeChar: '"' });
  return `${options.bom ? '\uFEFF' : ''}${csv}\r\n`;
}

function flag(value: boolean | undefined): string {
  return value === undefined ? '' : String(value);
}
