import { CHAT_DUMP_COLUMNS, toChatDumpCsv } from '@natter/core';
import type { MessageStore } from './createMessageStore';
import { toCoreMessage } from './toWireMessage';

/** Rows per page: one page of CSV (at most a few MiB) is all the dump ever holds in memory. */
const PAGE = 500;
const HEADER = `${CHAT_DUMP_COLUMNS.join(',')}\r\n`;

/**
 * A session's chat dump in the Chat Replay API's CSV format, as an async sequence of chunks: core's
 * `toChatDumpCsv` writes one page of messages at a time, read from SQLite only when the consumer asks
 * for the next chunk (so a slow download holds one page, and the database is never held across an
 * await). The first page is read at once, so a database error surfaces before anything is sent.
 * Only public, undeleted messages are exported: private messages have no column saying who may read
 * them, and a dump is often shown to everyone.
 */
export function writeChatDump(
  store: MessageStore,
  session: { id: string; meetingId: string },
  baseUrl: string,
): AsyncIterable<Buffer> {
  const options = { sessionId: session.id, meetingId: session.meetingId };
  const first = store.dumpPage(session.id, -1, PAGE);
  return (async function* pages() {
    let rows = first;
    let header = true;
    while (rows.length > 0 || header) {
      const csv = await toChatDumpCsv(
        rows.map((row) => toCoreMessage(row, baseUrl)),
        options,
      );
      if (!csv.startsWith(HEADER)) throw new Error('toChatDumpCsv wrote an unexpected header row');
      yield Buffer.from(header ? csv : csv.slice(HEADER.length), 'utf8');
      header = false;
      const last = rows.at(-1);
      rows = last ? store.dumpPage(session.id, last.created_at, PAGE) : [];
    }
  })();
}
