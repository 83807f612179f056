import { CHAT_DUMP_COLUMNS, toChatDumpCsv } from '@natter/core';
import type { MessageStore } from './createMessageStore';
import { toCoreMessage } from './toWireMessage';

const PAGE = 2000;
const HEADER = `${CHAT_DUMP_COLUMNS.join(',')}\r\n`;

/**
 * A session's chat dump in the Chat Replay API's CSV format, written by core's `toChatDumpCsv` a page
 * of messages at a time (so the database is never held across an await) and returned as chunks
 * whose total length is the `Content-Length`. Only public, undeleted messages are exported: private
 * messages have no column saying who may read them, and a dump is often shown to everyone.
 */
export async function writeChatDump(
  store: MessageStore,
  session: { id: string; meetingId: string },
  baseUrl: string,
): Promise<Buffer[]> {
  const options = { sessionId: session.id, meetingId: session.meetingId };
  const chunks: Buffer[] = [];
  let after = -1;
  for (;;) {
    const rows = store.dumpPage(session.id, after, PAGE);
    const last = rows.at(-1);
    if (!last) break;
    after = last.created_at;
    const csv = await toChatDumpCsv(
      rows.map((row) => toCoreMessage(row, baseUrl)),
      options,
    );
    if (!csv.startsWith(HEADER)) throw new Error('toChatDumpCsv wrote an unexpected header row');
    chunks.push(Buffer.from(chunks.length === 0 ? csv : csv.slice(HEADER.length), 'utf8'));
  }
  if (chunks.length === 0) chunks.push(Buffer.from(await toChatDumpCsv([], options), 'utf8'));
  return chunks;
}
